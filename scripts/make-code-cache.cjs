#!/usr/bin/env node
'use strict';
/**
 *   node scripts/make-code-cache.cjs [bundle]
 *
 * Writes V8's code cache of a CLI bundle (bin/zoomsig.js) after running
 * its commands once in this process, so that the functions they use are
 * compiled and cached too: with a bundle's name (one of OWN_BUNDLES), the runs
 * of that command, into dist/cli/zoomsig.<name>.cjs.cache; without, all of
 * them, into the whole program's dist/cli/zoomsig.cjs.cache. One process per
 * cache, since a cache holds whatever the process has compiled. Run by
 * scripts/build-cli.mjs with the Node.js that builds, the one that will run
 * it; bin/zoomsig.js ignores a cache V8 rejects.
 *
 * The commands run as bin/zoomsig.js runs them, through the bundle's own
 * process I/O (descriptors 0 to 2, process.env, the working directory), so
 * that the cache holds that code too: made through stand-in streams, it
 * left out what a real run uses to write and to read its environment, which
 * every run then compiled (0.7 to 0.9% of decode's, doctor's and verify's
 * instructions, scripts/bench-instructions.mjs). So the commands print as
 * they would, and standard input, output and error must be away from the
 * terminal (scripts/build-cli.mjs gives /dev/null and a pipe, shown only if
 * the cache fails); the environment is replaced by fake credentials and a
 * fixed --now, the working directory is an empty one of its own: nothing is
 * read from the user's environment, and the cache holds compiled code, no
 * data. Each run must exit as it should, or no cache is written.
 *
 * Nothing paints: a cache holding chalk and the painted paths too was ~20 KB larger, and the
 * start of a run that does not paint (a pipe, a file, CI) took ~1.5 ms more
 * CPU time to deserialise it, while a run that paints without them in the
 * cache takes ~1 ms more to compile them (medians and first quartiles of 60
 * to 100 interleaved runs of doctor and verify, perf stat, this 2-core VM,
 * Node 20).
 */
const { createHmac } = require('node:crypto');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { isatty } = require('node:tty');
const { loadBundle, bundleFor, bundleFile, OWN_BUNDLES } = require('../bin/zoomsig.js');

const SECRET = 'FakeClientSecret0123456789abcdef';
const KEY = 'FakeClientId0123456789';

/** A web meeting signature, HS256 over the fake secret, iat 2026-01-01T00:00:00Z and valid for 2 hours. */
function webToken() {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const iat = Date.parse('2026-01-01T00:00:00Z') / 1000;
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ appKey: KEY, sdkKey: KEY, mn: '85746065012', role: 0, iat, exp: iat + 7200, tokenExp: iat + 7200 })}`;
  return `${body}.${createHmac('sha256', SECRET).update(body).digest('base64url')}`;
}

const NOW = ['--now', '2026-01-01T00:05:00Z'];
// Made here, not by the bundle's generate: that would put generate and jose
// into every command's cache.
const TOKEN = webToken();
const DOCTOR_TEXT = ['doctor', TOKEN, ...NOW];
const DOCTOR_BROKEN = ['doctor', `${TOKEN}x`, '--error', '3712', ...NOW];
const ALL_RUNS = [
  ['generate', '--meeting', '85746065012', '--role', '0', ...NOW],
  ['decode', TOKEN, ...NOW],
  DOCTOR_TEXT,
  ['doctor', TOKEN, '--json', ...NOW],
  DOCTOR_BROKEN,
  ['verify', TOKEN, ...NOW],
  ['explain', '3712'],
  ['explain', 'expired'],
  ['generate', '--native', '--json', ...NOW],
  ['--help'],
  ['doctor', '--help'],
];

/**
 * The runs that make a bundle's cache (undefined: the whole program's), in
 * order: { argv, env, exit }, with the environment each runs in and the
 * exit code it must give (doctor of the broken token 1, its signature one
 * character too long; every other run 0): a run that does not has not used
 * the code it is there to compile.
 */
function cacheRuns(name) {
  // doctor's own cache holds its everyday run alone: text, with a secret and
  // without. Its --json, --error and --help runs in it too cost the plain
  // runs more to deserialise than they save those others: without them,
  // doctor takes 3.1% fewer instructions (doctor --secret 3.4%, --json 2.8%,
  // --error 1.2%; doctor --help 2.0% more), counted with valgrind on caches
  // and runs made with V8's random seed fixed (scripts/bench-instructions.mjs,
  // whose counts repeat to 0.4%; 2.2%, 2.0%, 1.9%, 1.5% and 2.3% when it
  // also fixed the hash seed, which made Node compile its own modules).
  const argvs = name === undefined ? ALL_RUNS : ALL_RUNS.filter((argv) => bundleFor(argv) === name && (name !== 'doctor' || argv === DOCTOR_TEXT));
  const env = (secret) => ({ ZOOM_MEETING_SDK_KEY: KEY, ...(secret ? { ZOOM_MEETING_SDK_SECRET: SECRET } : {}), NO_COLOR: '1' });
  return [
    ...argvs.map((argv) => ({ argv, env: env(true), exit: argv === DOCTOR_BROKEN ? 1 : 0 })),
    // doctor without a secret too (its checks without the forensics), as most runs of it are.
    ...argvs.filter(([command]) => command === 'doctor').map((argv) => ({ argv, env: env(false), exit: argv === DOCTOR_BROKEN ? 1 : 0 })),
  ];
}

async function main(name) {
  if (name !== undefined && !OWN_BUNDLES.includes(name)) throw new Error(`no bundle "${name}"`);
  if ([0, 1, 2].some((fd) => isatty(fd))) {
    throw new Error('the commands print as they would: run it with standard input, output and error away from the terminal (node scripts/make-code-cache.cjs [bundle] </dev/null >/dev/null 2>/tmp/log)');
  }
  const { exports: cli, script } = loadBundle({ name, cache: false });
  const cwd = mkdtempSync(join(tmpdir(), 'zoomsig-cache-'));
  process.chdir(cwd);
  try {
    // Each as bin/zoomsig.js runs it: the bundle's own process I/O, in this environment.
    for (const { argv, env, exit } of cacheRuns(name)) {
      process.env = env;
      const code = await cli.run(argv);
      if (code !== exit) throw new Error(`zoomsig ${argv.join(' ')} exited ${code}, not ${exit}`);
    }
  } finally {
    process.chdir(tmpdir());
    rmSync(cwd, { recursive: true, force: true });
  }
  writeFileSync(`${bundleFile(name)}.cache`, script.createCachedData());
}

module.exports = { cacheRuns };

if (require.main === module) {
  main(process.argv[2]).catch((error) => {
    console.error(`make-code-cache: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
