#!/usr/bin/env node
/**
 * Bundles the command-line interface into CommonJS files that bin/zoomsig.js
 * loads: the whole program, dist/cli/zoomsig.cjs (and the same with its own
 * names, dist/cli/zoomsig.debug.cjs, for DEBUG=zoomsig), and one bundle per
 * everyday command, dist/cli/zoomsig.<command>.cjs (bin/zoomsig.js).
 *
 * Why: start-up. Node 20's ESM loader costs ~25 ms before any of our code
 * runs (node -e 0 loads none of it), a third of the budget of 1.3 × node -e 0.
 * One CommonJS file skips the loader and the per-file resolution. The library
 * (dist/index.js) stays ESM, built by tsc.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * Three modules the bundled libraries import at their top but zoomsig never
 * needs at start-up, replaced in the bundle only. Measured as the time of a
 * cold require() in a clean `node -e` (the least of 8 runs, this 2-core VM,
 * Node 20): node:child_process 2.6 ms, node:tty 2.1 ms, both 2.7 ms (each
 * brings up net and Node's streams, which the other then shares, so both
 * stubs are needed for the saving), node:os 0.2 ms. Spawning decode with no
 * stubs costs 4 to 5 ms more CPU time than with them (interleaved runs).
 * - commander's `require('node:child_process')`, used only to spawn
 *   stand-alone executable subcommands, which zoomsig does not have. The stub
 *   throws if it is ever called.
 * - chalk's `node:tty`, for isatty() alone: src/cli/tty-shim.ts answers from
 *   the descriptor's fstat, as src/cli/descriptor-output.ts does.
 * - chalk's `node:os`, for os.release() on Windows only: required when called.
 */
const startupStubs = {
  name: 'zoomsig-startup-stubs',
  setup(build) {
    const from = (args, name) => args.importer.includes(`${sep}node_modules${sep}${name}${sep}`);
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      from(args, 'commander') ? { path: 'child_process', namespace: 'zoomsig-stub' } : undefined,
    );
    build.onResolve({ filter: /^node:tty$/ }, (args) =>
      from(args, 'chalk') ? { path: `${root}src${sep}cli${sep}tty-shim.ts` } : undefined,
    );
    // chalk asks node:os only for the Windows release: loaded then, not at every start.
    build.onResolve({ filter: /^node:os$/ }, (args) => (from(args, 'chalk') ? { path: 'os', namespace: 'zoomsig-stub' } : undefined));
    build.onLoad({ filter: /^os$/, namespace: 'zoomsig-stub' }, () => ({
      contents: "module.exports = { release: () => require('node:os').release() };\n",
      loader: 'js',
    }));
    build.onLoad({ filter: /^child_process$/, namespace: 'zoomsig-stub' }, () => ({
      contents: "const no = () => { throw new Error('zoomsig has no executable subcommands'); };\nmodule.exports = { spawn: no, execFileSync: no };\n",
      loader: 'js',
    }));
  },
};

const options = {
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Code reached only through import() (each command; jose and the HMAC work,
  // src/core/jws.ts and secret-forensics.ts) is evaluated only when it runs.
  // jose is bundled, not external: required from node_modules it costs 30 ms
  // or more a start (its ESM files through Node's ESM loader), bundled ~2 ms,
  // and only where something is signed or verified.
  // The prompt library, a runtime dependency, is left out of the
  // bundle and loaded only when a question is shown (src/cli/prompts/). With
  // dynamic import() marked unsupported, esbuild writes that import() as a
  // require(), so asking a question does not start the ESM loader either.
  external: ['@inquirer/prompts'],
  supported: { 'dynamic-import': false },
  // Less to parse at every start.
  minifyWhitespace: true,
  minifySyntax: true,
  // import.meta of the bundle itself (dist/cli/, the same depth as dist/cli/main.js),
  // computed only when read: node:url is not loaded on every start.
  define: { 'import.meta': '__zoomsigImportMeta', __ZOOMSIG_VERSION__: JSON.stringify(version) },
  // Each bundle is written already wrapped as Node wraps a CommonJS module
  // (bin/zoomsig.js compiles it as it is): wrapping it at every start made
  // a second copy of its text (~190 KB for doctor) in V8's young generation,
  // which holds 1 MB before its first collection, and copied it there: 0.3%
  // of every command's instructions.
  banner: {
    js: "(function (exports, require, module, __filename, __dirname) { const __zoomsigImportMeta = { get url() { return require('node:url').pathToFileURL(__filename).href; } };",
  },
  footer: { js: '\n});' },
  plugins: [startupStubs],
  logLevel: 'warning',
};
/**
 * A bundle of one command (bin/zoomsig.js says why): the modules of the
 * other commands, which src/cli/commands.ts imports only when they run, are
 * left out, each replaced by a runner that says it is not there. Only the
 * command the first argument names runs in that bundle (bin/zoomsig.js
 * picks it; test/cli/startup.test.ts checks the picking and the runners). "help" keeps
 * no command's module at all.
 */
function onlyCommand(keep) {
  return {
    name: 'zoomsig-only-command',
    setup(build) {
      build.onResolve({ filter: /^\.\/commands\/[a-z]+\.js$/ }, (args) => {
        const name = /([a-z]+)\.js$/.exec(args.path)[1];
        if (name === keep || !args.importer.endsWith(`${sep}src${sep}cli${sep}commands.ts`)) return undefined;
        return { path: name, namespace: 'zoomsig-other-command' };
      });
      // The kept command is imported statically here, not through import():
      // its modules are then plain code at the top of the bundle, without
      // esbuild's lazy wrapper around each. That took 0.9% off doctor's
      // instructions, 1.9% off verify's, 0.7% off decode's and explain's
      // (doctor --help, which evaluates them now too, 0.8% more).
      build.onLoad({ filter: /[\\/]src[\\/]cli[\\/]commands\.ts$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        const lazy = `(await import('./commands/${keep}.js'))`;
        if (!text.includes(lazy)) {
          if (!existsSync(`${root}src${sep}cli${sep}commands${sep}${keep}.ts`)) return undefined;
          throw new Error(`src/cli/commands.ts no longer loads ${keep} as ${lazy}: update scripts/build-cli.mjs`);
        }
        return { contents: `import * as keptCommand from './commands/${keep}.js';\n${text.replace(lazy, 'keptCommand')}`, loader: 'ts' };
      });
      build.onLoad({ filter: /.*/, namespace: 'zoomsig-other-command' }, (args) => {
        const runner = `run${args.path[0].toUpperCase()}${args.path.slice(1)}`;
        const message = `zoomsig ${args.path} is not in dist/cli/zoomsig.${keep}.cjs: bin/zoomsig.js picked the wrong bundle`;
        return { contents: `export const ${runner} = async () => { throw new Error(${JSON.stringify(message)}); };\n`, loader: 'js' };
      });
    },
  };
}

/** The bundles are read as latin1 (bin/zoomsig.js): a character beyond ASCII would be misread. */
function assertAscii(file) {
  const offset = readFileSync(file).findIndex((byte) => byte > 0x7f);
  if (offset !== -1) throw new Error(`${file}: a byte beyond ASCII at ${offset}; bin/zoomsig.js reads the bundles as latin1`);
}

// Short local names too: a bundle of 233 KB instead of 325 KB, and caches
// ~23 KB smaller (measured when the whole program was the only bundle), which took 1.5 ms of CPU time off decode and 3.6 ms off
// explain 3712 (medians of 40 interleaved runs, perf stat, this 2-core VM,
// Node 20). With DEBUG=zoomsig, whose stack should name our functions,
// bin/zoomsig.js loads the whole program with its names, zoomsig.debug.cjs.
const { OWN_BUNDLES, bundleFile } = createRequire(import.meta.url)('../bin/zoomsig.js');
// What an earlier build left (a bundle or a cache under an older name) goes first: the loader would never read it.
const cliDir = `${root}dist${sep}cli`;
mkdirSync(cliDir, { recursive: true });
for (const file of readdirSync(cliDir, { withFileTypes: true })) {
  if (file.isFile() && /^zoomsig\..*(\.cjs|\.cache)$/.test(file.name)) rmSync(`${cliDir}${sep}${file.name}`);
}
const outputs = [
  [undefined, { ...options, outfile: bundleFile(undefined), minifyIdentifiers: true }],
  ...OWN_BUNDLES.map((name) => [name, { ...options, outfile: bundleFile(name), minifyIdentifiers: true, plugins: [...options.plugins, onlyCommand(name)] }]),
];
await Promise.all([...outputs.map(([, bundle]) => build(bundle)), build({ ...options, outfile: `${root}dist/cli/zoomsig.debug.cjs` })]);
for (const [, { outfile }] of outputs) assertAscii(outfile);
assertAscii(`${root}dist/cli/zoomsig.debug.cjs`);

// V8's code cache of each bundle, made by running its commands once
// (scripts/make-code-cache.cjs), each in a process of its own.
for (const [name] of outputs) {
  const args = [fileURLToPath(new URL('make-code-cache.cjs', import.meta.url)), ...(name === undefined ? [] : [name])];
  // Its commands print as they would: their output is thrown away, their errors shown if it fails.
  const cache = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (cache.status !== 0) {
    process.stderr.write(cache.stderr);
    process.exitCode = 1;
  }
}
