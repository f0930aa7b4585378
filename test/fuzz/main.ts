/**
 * `npm run fuzz`: the whole suite against the build (dist/index.js and
 * bin/zoomsig.js), with its counts on stdout. Run through scripts/fuzz.mjs.
 *
 *   npm run fuzz -- [--inputs 100000] [--cli-runs 1000] [--seed 20260101] [--concurrency 2]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { fuzzCli } from './cli-fuzz.js';
import { exportedFunctions, fuzzLibrary, type Lib } from './library-fuzz.js';

const { values } = parseArgs({
  options: {
    inputs: { type: 'string', default: '100000' },
    'cli-runs': { type: 'string', default: '1000' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000_007) },
    concurrency: { type: 'string', default: '2' },
  },
});
const seed = Number(values.seed);
const root = process.cwd();
const lib = (await import(pathToFileURL(resolve(root, 'dist/index.js')).href)) as Lib;

console.log(`zoomsig fuzz, seed ${seed} (repeat with --seed ${seed})`);
console.log(`library: ${exportedFunctions(lib).length} exported functions, ${values.inputs} inputs …`);
let started = performance.now();
const library = await fuzzLibrary(lib, { inputs: Number(values.inputs), seed });
const libraryMs = performance.now() - started;
console.log(`CLI: ${values['cli-runs']} runs of bin/zoomsig.js …`);
started = performance.now();
const cli = await fuzzCli(resolve(root, 'bin/zoomsig.js'), { runs: Number(values['cli-runs']), seed, concurrency: Number(values.concurrency) });
const cliMs = performance.now() - started;

const rows: [string, number | string][] = [
  ['library inputs', library.inputs],
  ['  refused with a ZoomsigError (documented)', library.refused],
  ['  exceptions', library.exceptions],
  ['  non-serialisable results', library.nonSerialisable],
  ['  calls over 50 ms', library.slowCalls],
  ['  verified without an exact HS256 HMAC', library.falseAccepts],
  ['  seconds', (libraryMs / 1000).toFixed(1)],
  ['CLI runs (argv, stdin, environment)', cli.runs],
  ['  exit codes', Object.entries(cli.exitCodes).map(([code, n]) => `${code}: ${n}`).join(', ')],
  ['  exit codes outside {0,1,2}', cli.strayExitCodes],
  ['  stack traces', cli.stackTraces],
  ['  "internal error"', cli.internalErrors],
  ['  seconds', (cliMs / 1000).toFixed(1)],
];
for (const [label, value] of rows) console.log(`${label.padEnd(44)} ${value}`);
console.log('calls per function:', Object.entries(library.calls).map(([name, n]) => `${name} ${n}`).join(', '));
for (const example of [...library.examples, ...cli.examples]) console.log(`- ${example}`);

const failed = library.exceptions + library.nonSerialisable + library.falseAccepts + cli.strayExitCodes + cli.stackTraces + cli.internalErrors;
process.exitCode = failed > 0 ? 1 : 0;
