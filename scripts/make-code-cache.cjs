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
 * The commands run on fake credentials, a fixed clock, an empty working
 * directory and no real streams: nothing is read from or written to the user's
 * environment, and the cache holds compiled code, no data. Nothing paints: a
 * cache holding chalk and the painted paths too was ~20 KB larger, and the
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
const { PassThrough } = require('node:stream');
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

async function main(name) {
  if (name !== undefined && !OWN_BUNDLES.includes(name)) throw new Error(`no bundle "${name}"`);
  const { exports: cli, script } = loadBundle({ name, cache: false });
  const cwd = mkdtempSync(join(tmpdir(), 'zoomsig-cache-'));
  const sink = () => Object.assign(new PassThrough(), { isTTY: false });
  const io = ({ secret = true } = {}) => {
    const stdout = sink();
    stdout.resume();
    return {
      env: { ZOOM_MEETING_SDK_KEY: KEY, ...(secret ? { ZOOM_MEETING_SDK_SECRET: SECRET } : {}), NO_COLOR: '1' },
      cwd,
      stdin: Object.assign(new PassThrough(), { isTTY: false }),
      stdout,
      stderr: { write: () => true, isTTY: false },
      clock: () => new Date('2026-01-01T00:00:00Z'),
    };
  };
  const now = ['--now', '2026-01-01T00:05:00Z'];
  // Made here, not by the bundle's generate: that would put generate and jose
  // into every command's cache.
  const tokens = [webToken()];
  const doctorText = ['doctor', tokens[0], ...now];
  const allRuns = [
    ['generate', '--meeting', '85746065012', '--role', '0', ...now],
    ['decode', tokens[0], ...now],
    doctorText,
    ['doctor', tokens[0], '--json', ...now],
    ['doctor', `${tokens[0]}x`, '--error', '3712', ...now],
    ['verify', tokens[0], ...now],
    ['explain', '3712'],
    ['explain', 'expired'],
    ['generate', '--native', '--json', ...now],
    ['--help'],
    ['doctor', '--help'],
  ];
  // doctor's own cache holds its everyday run alone: text, with a secret and
  // without. Its --json, --error and --help runs in it too cost the plain
  // runs more to deserialise than they save those others: without them,
  // doctor takes 2.2% fewer instructions (doctor --secret 2.0%, --json 1.9%,
  // --error 1.5%; doctor --help 2.3% more), counted with valgrind on caches
  // and runs made with V8's --random-seed and --hash-seed fixed, which makes
  // the counts repeat to 0.5% (measured before scripts/bench-instructions.mjs
  // dropped --hash-seed, which also made Node compile its own modules from
  // source; not measured again since).
  const runs = name === undefined ? allRuns : allRuns.filter((argv) => bundleFor(argv) === name && (name !== 'doctor' || argv === doctorText));
  try {
    for (const argv of runs) await cli.run(argv, io());
    // doctor without a secret too (its checks without the forensics), as most runs of it are.
    for (const argv of runs.filter(([command]) => command === 'doctor')) await cli.run(argv, io({ secret: false }));
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
  writeFileSync(`${bundleFile(name)}.cache`, script.createCachedData());
}

main(process.argv[2]).catch((error) => {
  console.error(`make-code-cache: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
