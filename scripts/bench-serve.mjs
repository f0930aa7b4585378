#!/usr/bin/env node
/**
 * Throughput and latency of `zoomsig serve` against an endpoint written the
 * way Zoom's sample is (express + cors + jsrsasign, scripts/express-sample-endpoint.cjs),
 * on this machine, loaded by autocannon on 127.0.0.1.
 *
 *   npm run build && node scripts/bench-serve.mjs [seconds per run] [rounds] [connections] [--pin]
 *
 * Five targets: serve signing (POST / with the Meeting SDK sample's body,
 * signed by jose), serve without signing (GET /health), the express sample
 * (POST /, the same body, signed by jsrsasign), node:http signing with jose
 * and nothing else (no validation, access rules or log: what jose over
 * WebCrypto allows on this Node.js), and a bare node:http server answering a
 * constant. Each server runs in its own process; the rounds take the targets
 * in turn so that drift in the machine's speed hits all of them alike, every
 * other round in the reverse order, and serve signing and the express sample
 * one right after the other. Each figure is the median over the rounds, and
 * the ratios are also given as the median of each round's own ratio (paired:
 * on a VM whose speed moves from one round to the next, the fairer figure).
 * How steady the machine was is printed with them: bare node:http's
 * requests/s in each round, and on Linux the CPU time the hypervisor took
 * (steal, from /proc/stat) while each server was loaded. serve's access log goes to
 * /dev/null: what is measured is the server, not a terminal. --pin puts every
 * server on CPU 0 and autocannon on CPU 1 (taskset), so that the load
 * generator and the server never take each other's core. The budget (issue
 * 9): serve signing does at least 4× the express sample's requests/s, with
 * at most ¼ of its p99 latency, in the same run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('..', import.meta.url));
const numbers = process.argv.slice(2).filter((arg) => /^\d+$/.test(arg)).map(Number);
const [seconds = 10, rounds = 3, connections = 32] = numbers;
const body = '{"meetingNumber":"85746065012","role":0}';
// --pin: each server on CPU 0 and autocannon on CPU 1 (taskset), so that the
// load generator and the server never take each other's core.
const pin = process.argv.includes('--pin');
// Counted before the pinning, which leaves this process one CPU.
const cpuCount = availableParallelism();
if (pin) spawnSync('taskset', ['-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });

const BARE_SERVER = `
const reply = JSON.stringify({ signature: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.' + 'x'.repeat(43), sdkKey: 'FakeClientId0123456789' });
require('node:http').createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(reply));
}).listen(0, '127.0.0.1', function () { console.log('listening on http://127.0.0.1:' + this.address().port); });
`;

/** node:http and jose's CompactSign, per request, with nothing around them: the most jose allows here. */
const JOSE_SERVER = `
import { createServer } from 'node:http';
import { CompactSign } from 'jose';
const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(process.env.ZOOM_MEETING_SDK_SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
const sdkKey = process.env.ZOOM_MEETING_SDK_KEY;
createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    const { meetingNumber, role } = JSON.parse(Buffer.concat(chunks).toString());
    const iat = Math.floor(Date.now() / 1000) - 30;
    const payload = JSON.stringify({ appKey: sdkKey, sdkKey, mn: meetingNumber, role, iat, exp: iat + 7200, tokenExp: iat + 7200 });
    const signature = await new CompactSign(new TextEncoder().encode(payload)).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key);
    const reply = JSON.stringify({ signature, sdkKey });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(reply) }).end(reply);
  });
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

/**
 * CPU time per CPU from /proc/stat, as [steal, total] in clock ticks; undefined
 * where there is none (not Linux). Steal is time the hypervisor gave to
 * another guest while this one had work: on a VM, what makes one round slow.
 */
function cpuTicks() {
  try {
    return readFileSync('/proc/stat', 'utf8')
      .split('\n')
      .filter((line) => /^cpu\d/.test(line))
      .map((line) => {
        const ticks = line.trim().split(/\s+/).slice(1).map(Number);
        return [ticks[7] ?? 0, ticks.reduce((sum, value) => sum + value, 0)];
      });
  } catch {
    return undefined;
  }
}

/** The share of the servers' CPU (CPU 0 with --pin, else all) the hypervisor took between two readings, in %. */
function stealPercent(before, after) {
  if (before === undefined || after === undefined) return undefined;
  const cpus = pin ? [0] : before.map((_, index) => index);
  let steal = 0;
  let total = 0;
  for (const cpu of cpus) {
    steal += after[cpu][0] - before[cpu][0];
    total += after[cpu][1] - before[cpu][1];
  }
  return total > 0 ? (100 * steal) / total : undefined;
}

function load(url, request) {
  const before = cpuTicks();
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, ...request }, (error, result) => {
      if (error) reject(error);
      else if (result.non2xx > 0 || result.errors > 0) reject(new Error(`${url}: ${result.non2xx} non-2xx replies, ${result.errors} errors`));
      else resolve({ rps: result.requests.average, p99: result.latency.p99, steal: stealPercent(before, cpuTicks()) });
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
const jose = await start(['--input-type=module', '-e', JOSE_SERVER], credentials);
const post = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
const targets = [
  ['zoomsig serve, POST / (signs)', serve.url, post],
  ['zoomsig serve, GET /health', `${serve.url}/health`, { method: 'GET' }],
  ["express sample, POST / (jsrsasign)", sample.url, post],
  ['node:http + jose alone, POST /', jose.url, post],
  ['bare node:http, POST / (constant)', bare.url, post],
];

try {
  // A short warm-up, so the JIT has seen the code before it is measured.
  for (const [, url, request] of targets) await new Promise((resolve) => autocannon({ url, connections, duration: 2, ...request }, resolve));
  const results = targets.map(() => []);
  // serve signing right before the express sample, so that the two a round's ratio compares are loaded
  // 5 s apart, not 10; every other round in the reverse order, so that a steady drift of the machine's
  // speed favours neither.
  const order = [0, 2, 3, 1, 4];
  for (let round = 0; round < rounds; round += 1) {
    for (const index of round % 2 === 0 ? order : [...order].reverse()) {
      const [, url, request] = targets[index];
      results[index][round] = await load(url, request);
    }
  }
  console.log(
    `node ${process.version}, ${cpuCount} CPUs of ${cpus()[0]?.model ?? 'an unknown model'}${pin ? ' (servers on CPU 0, autocannon on CPU 1)' : ''}, autocannon ${connections} connections, ${rounds} rounds of ${seconds} s each, medians`,
  );
  console.log(`${'target'.padEnd(36)} ${'req/s'.padStart(8)} ${'p99 ms'.padStart(7)}`);
  const medians = targets.map((_, index) => ({
    rps: median(results[index].map((r) => r.rps)),
    p99: median(results[index].map((r) => r.p99)),
  }));
  for (const [index, [name]] of targets.entries()) {
    console.log(`${name.padEnd(36)} ${medians[index].rps.toFixed(0).padStart(8)} ${medians[index].p99.toFixed(1).padStart(7)}`);
  }
  const [signing, , express, joseAlone] = medians;
  const paired = (index, field) => median(results[index].map((result, round) => result[field] / results[2][round][field]));
  const rpsRatio = signing.rps / express.rps;
  const p99Ratio = signing.p99 / express.p99;
  console.log(
    `serve signing vs the express sample: ${rpsRatio.toFixed(2)}× the requests/s (paired ${paired(0, 'rps').toFixed(2)}×; budget ≥ 4), ` +
      `${p99Ratio.toFixed(2)} of its p99 (paired ${paired(0, 'p99').toFixed(2)}; budget ≤ 0.25)`,
  );
  console.log(
    `node:http + jose alone vs the express sample: ${(joseAlone.rps / express.rps).toFixed(2)}× the requests/s (paired ${paired(3, 'rps').toFixed(2)}×), ` +
      `${(joseAlone.p99 / express.p99).toFixed(2)} of its p99 (paired ${paired(3, 'p99').toFixed(2)})`,
  );
  console.log(`serve signing vs node:http + jose alone: ${((100 * signing.rps) / joseAlone.rps).toFixed(0)}% of its requests/s`);
  // How steady the machine was: a round in which every server was slow is the VM's, not a server's.
  const bareRps = results[4].map((result) => result.rps);
  const steal = results.flat().map((result) => result.steal);
  const stealShown = steal.every((value) => value !== undefined)
    ? `; the hypervisor took ${[...new Set([Math.min(...steal), Math.max(...steal)].map((value) => value.toFixed(0)))].join(' to ')}% of the servers' CPU (steal) in the loads`
    : '';
  console.log(
    `machine: bare node:http did ${bareRps.map((rps) => rps.toFixed(0)).join(', ')} requests/s in the rounds (${(Math.max(...bareRps) / Math.min(...bareRps)).toFixed(2)}× from slowest to fastest)${stealShown}`,
  );
  const held = (rps, p99) => {
    const missed = [rps < 4 ? 'requests/s' : '', p99 > 0.25 ? 'p99' : ''].filter(Boolean);
    return missed.length === 0 ? 'within' : `not within (${missed.join(' and ')})`;
  };
  console.log(`budget: ${held(rpsRatio, p99Ratio)} by the medians, ${held(paired(0, 'rps'), paired(0, 'p99'))} paired`);
} finally {
  for (const server of [serve, sample, jose, bare]) server.stop();
}
