#!/usr/bin/env node
/**
 * Instructions each everyday command executes, counted with valgrind, in a
 * form that repeats: for telling whether a start-up change helps when
 * wall-clock runs on a busy VM cannot (they move by ±5%, the change by 1%).
 *
 *   npm run build && node scripts/bench-instructions.mjs [--keep]
 *
 * Needs valgrind (Debian: apt-get install valgrind). A plain count moves by
 * ±3% from run to run: V8 seeds its string hashing and Math.random afresh
 * each time, from its random seed. Every node here therefore runs with
 * --random-seed=1, and since a V8 flag makes a code cache foreign, the
 * caches are rebuilt with the same flag, in a copy of bin/ and dist/cli/
 * (the build's own are not touched; --keep leaves the copy). The counts
 * then repeat to about 0.4%.
 *
 * Not --hash-seed as well: that one makes V8 reject Node.js's own built-in
 * code cache (NODE_DEBUG_NATIVE=CODE_CACHE says "rejected"), so that every
 * internal module loaded after start-up is compiled from source and the
 * counts of what loads many of them grow most: WebCrypto's first use (its
 * ~30 modules, Node's streams among them) counted ~47 million instructions
 * more, and verify 169 million instead of 138. --random-seed alone fixes
 * the hash seed too, and keeps that cache.
 *
 * Still, compare the counts with each other, before and after a change;
 * the budgets are for scripts/bench-startup.mjs' wall-clock times.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCommands, envWithSecret } from './bench-commands.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const keep = process.argv.includes('--keep');
const FLAGS = ['--random-seed=1'];

if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.error('bench-instructions: valgrind is not installed (Debian: apt-get install valgrind).');
  process.exit(2);
}

const copy = mkdtempSync(join(tmpdir(), 'zoomsig-instructions-'));
cpSync(join(root, 'bin'), join(copy, 'bin'), { recursive: true });
mkdirSync(join(copy, 'scripts'));
cpSync(join(root, 'scripts', 'make-code-cache.cjs'), join(copy, 'scripts', 'make-code-cache.cjs'));
mkdirSync(join(copy, 'dist', 'cli'), { recursive: true });
for (const file of readdirSync(join(root, 'dist', 'cli'))) {
  if (/^zoomsig\..*cjs$/.test(file)) cpSync(join(root, 'dist', 'cli', file), join(copy, 'dist', 'cli', file));
}
const cleanEnv = { PATH: process.env.PATH, HOME: process.env.HOME };

const { OWN_BUNDLES } = await import(join(copy, 'bin', 'zoomsig.js'));
for (const name of [undefined, ...OWN_BUNDLES]) {
  const made = spawnSync(process.execPath, [...FLAGS, join(copy, 'scripts', 'make-code-cache.cjs'), ...(name ? [name] : [])], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`the cache of ${name ?? 'the whole program'} was not made: ${made.stderr.trim()}`);
}

const bin = join(copy, 'bin', 'zoomsig.js');
const commands = benchCommands(bin, { more: true });

console.log(`node ${process.version}, instructions (valgrind cachegrind) with ${FLAGS.join(' ')}, caches made with the same flags, clean environment`);
let base;
for (const [name, args, withSecret] of commands) {
  const env = envWithSecret(cleanEnv, withSecret);
  const run = spawnSync('valgrind', ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, ...FLAGS, ...args], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const count = Number(/I\s+refs:\s+([\d,]+)/.exec(run.stderr)?.[1].replace(/,/g, ''));
  if (!Number.isFinite(count)) throw new Error(`${name}: no count from valgrind (exit ${run.status})`);
  base ??= count;
  console.log(`${name.padEnd(30)} ${(count / 1e6).toFixed(2).padStart(8)} M   ${(count / base).toFixed(3)}× node -e 0`);
}
if (keep) console.log(`the copy with its caches: ${copy}`);
else rmSync(copy, { recursive: true, force: true });
