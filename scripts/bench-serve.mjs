#!/usr/bin/env node
/**
 * Throughput and latency of `zoomsig serve` against an endpoint written the
 * way Zoom's sample is (express + cors + jsrsasign, scripts/express-sample-endpoint.cjs)
 * and a bare node:http server answering a constant, on this machine, loaded
 * by autocannon on 127.0.0.1.
 *
 *   npm run build && node scripts/bench-serve.mjs [seconds per run] [rounds] [connections]
 *
 * Four targets: serve signing (POST / with the Meeting SDK sample's body,
 * signed by jose), serve without signing (GET /health), the express sample
 * (POST /, the same body, signed by jsrsasign), and the bare server (POST /
 * with the same body, a constant reply). Each server runs in its own process;
 * the rounds take the targets in turn so that drift in the machine's speed
 * hits all of them alike, and each figure is the median over the rounds.
 * serve's access log goes to /dev/null: what is measured is the server, not a
 * terminal. The budget (issue 9): serve signing does at least 4× the express
 * sample's requests/s, with at most ¼ of its p99 latency, in the same run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('..', import.meta.url));
const numbers = process.argv.slice(2).filter((arg) => /^\d+$/.test(arg)).map(Number);
const [seconds = 10, rounds = 3, connections = 32] = numbers;
const body = '{"meetingNumber":"85746065012","role":0}';
// --pin: each server on CPU 0 and autocannon on CPU 1 (taskset), so that the
// load generator and the server never take each other's core.
const pin = process.argv.includes('--pin');
if (pin) spawnSync('taskset', ['-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });

const BARE_SERVER = `
const reply = JSON.stringify({ signature: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.' + 'x'.repeat(43), sdkKey: 'FakeClientId0123456789' });
require('node:http').createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(reply));
}).listen(0, '127.0.0.1', function () { console.log('listening on http://127.0.0.1:' + this.address().port); });
`;

/** Spawns a server and resolves with its URL, read from "listening on http://…" on its stdout. */
function start(args, env = {}) {
  const child = spawn(pin ? 'taskset' : process.execPath, pin ? ['-c', '0', process.execPath, ...args] : args, {
    cwd: root,
    env: { PATH: process.env.PATH, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      out += chunk;
      const url = /listening on (http:\/\/[\d.]+:\d+)/.exec(out)?.[1];
      if (url) resolve({ url, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code} before listening`)));
  });
}

function load(url, request) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, ...request }, (error, result) => {
      if (error) reject(error);
      else if (result.non2xx > 0 || result.errors > 0) reject(new Error(`${url}: ${result.non2xx} non-2xx replies, ${result.errors} errors`));
      else resolve({ rps: result.requests.average, p99: result.latency.p99 });
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const credentials = {
  ZOOM_MEETING_SDK_KEY: 'FakeClientId0123456789',
  ZOOM_MEETING_SDK_SECRET: 'FakeClientSecret0123456789abcdef',
};
const serve = await start([`${root}bin/zoomsig.js`, 'serve', '--port', '0'], credentials);
const sample = await start([`${root}scripts/express-sample-endpoint.cjs`], credentials);
const bare = await start(['-e', BARE_SERVER]);
const post = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
const targets = [
  ['zoomsig serve, POST / (signs)', serve.url, post],
  ['zoomsig serve, GET /health', `${serve.url}/health`, { method: 'GET' }],
  ["express sample, POST / (jsrsasign)", sample.url, post],
  ['bare node:http, POST / (constant)', bare.url, post],
];

try {
  // A short warm-up, so the JIT has seen the code before it is measured.
  for (const [, url, request] of targets) await new Promise((resolve) => autocannon({ url, connections, duration: 2, ...request }, resolve));
  const results = targets.map(() => []);
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, [, url, request]] of targets.entries()) results[index].push(await load(url, request));
  }
  console.log(
    `node ${process.version}, ${availableParallelism()} CPUs, autocannon ${connections} connections, ${rounds} rounds of ${seconds} s each, medians`,
  );
  console.log(`${'target'.padEnd(36)} ${'req/s'.padStart(8)} ${'p99 ms'.padStart(7)}`);
  const medians = targets.map((_, index) => ({
    rps: median(results[index].map((r) => r.rps)),
    p99: median(results[index].map((r) => r.p99)),
  }));
  for (const [index, [name]] of targets.entries()) {
    console.log(`${name.padEnd(36)} ${medians[index].rps.toFixed(0).padStart(8)} ${medians[index].p99.toFixed(1).padStart(7)}`);
  }
  const [signing, , express] = medians;
  const throughput = signing.rps / express.rps;
  const latency = signing.p99 / express.p99;
  console.log(
    `serve signing vs the express sample: ${throughput.toFixed(2)}× the requests/s (budget ≥ 4), ` +
      `${latency.toFixed(2)} of its p99 (budget ≤ 0.25)`,
  );
} finally {
  serve.stop();
  sample.stop();
  bare.stop();
}
