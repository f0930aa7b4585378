#!/usr/bin/env node
/**
 * Bundles the command-line interface into one CommonJS file,
 * dist/cli/zoomsig.cjs, which bin/zoomsig.js requires.
 *
 * Why: start-up. Node 20's ESM loader costs ~25 ms before any of our code
 * runs (node -e 0 loads none of it), a third of the budget of 1.3 × node -e 0.
 * One CommonJS file skips the loader and the per-file resolution. The library
 * (dist/index.js) stays ESM, built by tsc.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli/zoomsig.cjs',
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
  // Less to parse at every start; names are kept so DEBUG=zoomsig stacks stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  // import.meta of the bundle itself (dist/cli/, the same depth as dist/cli/main.js),
  // computed only when read: node:url is not loaded on every start.
  define: { 'import.meta': '__zoomsigImportMeta' },
  banner: {
    js: "const __zoomsigImportMeta = { get url() { return require('node:url').pathToFileURL(__filename).href; } };",
  },
  logLevel: 'warning',
});

// V8's code cache of the bundle, made by running the everyday commands once
// (scripts/make-code-cache.cjs): bin/load-bundle.js loads it when it fits.
const cache = spawnSync(process.execPath, [fileURLToPath(new URL('make-code-cache.cjs', import.meta.url))], { stdio: 'inherit' });
if (cache.status !== 0) process.exitCode = 1;
