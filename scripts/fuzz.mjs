#!/usr/bin/env node
/**
 * `npm run fuzz`: bundles the fuzz suite (test/fuzz/main.ts, TypeScript)
 * with esbuild, fast-check left as the package it is, and runs it against
 * the build. Arguments are passed on: --inputs, --cli-runs, --seed, --concurrency.
 */
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = `${root}node_modules/.cache/zoomsig-fuzz/main.mjs`;
await build({
  absWorkingDir: root,
  entryPoints: ['test/fuzz/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
process.chdir(root);
await import(pathToFileURL(outfile).href);
