#!/usr/bin/env node
'use strict';
/**
 * Writes dist/cli/zoomsig.cjs.cache, V8's code cache of the CLI bundle, after
 * running the everyday commands once in this process (decode, doctor, verify,
 * explain, generate, help) so that the functions they use are compiled and
 * cached too. Run by scripts/build-cli.mjs with the Node.js that builds, the
 * one that will run it; bin/load-bundle.js ignores a cache V8 rejects.
 *
 * The commands run on fake credentials, a fixed clock, an empty working
 * directory and no real streams: nothing is read from or written to the user's
 * environment, and the cache holds compiled code, no data. Some runs paint
 * (chalk, forced on in this process only), so that chalk is in the cache too:
 * compiled at run time it cost ~2.8 ms of a start that paints.
 */
// Read by chalk when it is first imported, during the runs below.
process.env.FORCE_COLOR = '3';
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { PassThrough } = require('node:stream');
const { loadBundle } = require('../bin/load-bundle.js');

const SECRET = 'FakeClientSecret0123456789abcdef';
const KEY = 'FakeClientId0123456789';

async function main() {
  const { exports: cli, script, cache } = loadBundle({ useCache: false });
  const cwd = mkdtempSync(join(tmpdir(), 'zoomsig-cache-'));
  const sink = () => Object.assign(new PassThrough(), { isTTY: false });
  const io = ({ color = false } = {}) => {
    const stdout = sink();
    stdout.resume();
    return {
      env: { ZOOM_MEETING_SDK_KEY: KEY, ZOOM_MEETING_SDK_SECRET: SECRET, ...(color ? { FORCE_COLOR: '3' } : { NO_COLOR: '1' }) },
      cwd,
      stdin: Object.assign(new PassThrough(), { isTTY: false }),
      stdout,
      stderr: { write: () => true, isTTY: false },
      clock: () => new Date('2026-01-01T00:00:00Z'),
    };
  };
  const now = ['--now', '2026-01-01T00:05:00Z'];
  const tokens = [];
  const capture = () => {
    const stream = io();
    let text = '';
    stream.stdout.on('data', (chunk) => (text += chunk));
    return { stream, text: () => text.trim() };
  };
  const generated = capture();
  await cli.run(['generate', '--meeting', '85746065012', '--role', '0', ...now], generated.stream);
  tokens.push(generated.text());
  const runs = [
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
  try {
    for (const argv of runs) await cli.run(argv, io());
    // The same with colour: chalk's code, and the painted paths.
    for (const argv of runs.slice(0, 6)) await cli.run(argv, io({ color: true }));
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
  writeFileSync(cache, script.createCachedData());
}

main().catch((error) => {
  console.error(`make-code-cache: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
