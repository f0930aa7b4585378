#!/usr/bin/env node
'use strict';
/**
 *   node scripts/make-code-cache.cjs [command]
 *
 * Writes V8's code cache of the CLI bundle after running the everyday
 * commands once in this process (decode, doctor, verify, explain, generate,
 * help) so that the functions they use are compiled and cached too: with a
 * command (one of CACHED_COMMANDS, bin/load-bundle.js), only that command's
 * runs, into dist/cli/zoomsig.<command>.cache; without, all of them, into the
 * general dist/cli/zoomsig.cjs.cache. One process per cache, since a cache
 * holds whatever the process has compiled. Run by scripts/build-cli.mjs with
 * the Node.js that builds, the one that will run it; bin/load-bundle.js
 * ignores a cache V8 rejects.
 *
 * The commands run on fake credentials, a fixed clock, an empty working
 * directory and no real streams: nothing is read from or written to the user's
 * environment, and the cache holds compiled code, no data. Some runs paint
 * (chalk, forced on in this process only), so that chalk is in the cache too:
 * compiled at run time it cost ~2.8 ms of a start that paints.
 */
// Read by chalk when it is first imported, during the runs below.
process.env.FORCE_COLOR = '3';
const { createHmac } = require('node:crypto');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { PassThrough } = require('node:stream');
const { loadBundle, cacheFor, CACHED_COMMANDS, GENERAL_CACHE } = require('../bin/load-bundle.js');

const SECRET = 'FakeClientSecret0123456789abcdef';
const KEY = 'FakeClientId0123456789';

/** A web meeting signature, HS256 over the fake secret, iat 2026-01-01T00:00:00Z and valid for 2 hours. */
function webToken() {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const iat = Date.parse('2026-01-01T00:00:00Z') / 1000;
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ appKey: KEY, sdkKey: KEY, mn: '85746065012', role: 0, iat, exp: iat + 7200, tokenExp: iat + 7200 })}`;
  return `${body}.${createHmac('sha256', SECRET).update(body).digest('base64url')}`;
}

async function main(command) {
  if (command !== undefined && !CACHED_COMMANDS.includes(command)) throw new Error(`no cache for "${command}"`);
  const { exports: cli, script } = loadBundle({ cache: false });
  const cwd = mkdtempSync(join(tmpdir(), 'zoomsig-cache-'));
  const sink = () => Object.assign(new PassThrough(), { isTTY: false });
  const io = ({ color = false, secret = true } = {}) => {
    const stdout = sink();
    stdout.resume();
    return {
      env: { ZOOM_MEETING_SDK_KEY: KEY, ...(secret ? { ZOOM_MEETING_SDK_SECRET: SECRET } : {}), ...(color ? { FORCE_COLOR: '3' } : { NO_COLOR: '1' }) },
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
  const allRuns = [
    ['generate', '--meeting', '85746065012', '--role', '0', ...now],
    ['decode', tokens[0], ...now],
    ['doctor', tokens[0], ...now],
    ['doctor', tokens[0], '--json', ...now],
    ['doctor', `${tokens[0]}x`, '--error', '3712', ...now],
    ['verify', tokens[0], ...now],
    ['explain', '3712'],
    ['explain', 'expired'],
    ['generate', '--native', '--json', ...now],
    ['--help'],
    ['doctor', '--help'],
  ];
  const cache = command === undefined ? GENERAL_CACHE : cacheFor([command]);
  const runs = command === undefined ? allRuns : allRuns.filter((argv) => cacheFor(argv) === cache);
  try {
    for (const argv of runs) await cli.run(argv, io());
    // The same with colour: chalk's code, and the painted paths.
    for (const argv of runs.filter((argv) => !argv.includes('--help'))) await cli.run(argv, io({ color: true }));
    // doctor without a secret too (its checks without the forensics), as most runs of it are.
    for (const argv of runs.filter(([name]) => name === 'doctor')) await cli.run(argv, io({ secret: false }));
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
  writeFileSync(cache, script.createCachedData());
}

main(process.argv[2]).catch((error) => {
  console.error(`make-code-cache: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
