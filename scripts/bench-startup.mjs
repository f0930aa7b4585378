#!/usr/bin/env node
/**
 * Start-up of zoomsig's commands against bare `node -e 0`, on this machine.
 *
 *   npm run build && node scripts/bench-startup.mjs [runs] [--inherit-env] [--cpu]
 *
 * Each spawn gets a clean environment (PATH and HOME, as `env -i PATH=$PATH
 * HOME=$HOME`, and a fake secret for the commands that use one; add
 * --no-color-env for NO_COLOR=1 too) unless --inherit-env: variables such as
 * NODE_EXTRA_CA_CERTS make every Node.js start slower (this VM's CA bundle
 * costs ~80 ms), which would flatter the ratios. Then the peak RSS of decode.
 *
 * The commands are run in turn, round after round, so that drift in the
 * machine's speed (other load, CPU frequency) hits all of them alike; each
 * figure is the median wall time of one spawn. hyperfine gives the same
 * figures on a quiet machine; on a busy VM its sequential batches drift.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { BENCH_TOKEN, benchCommands, envWithSecret, expectedExit } from './bench-commands.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const inheritEnv = args.includes('--inherit-env');
const noColorEnv = args.includes('--no-color-env');
// --cpu: also the CPU time of each spawn (perf stat's task-clock, all threads),
// which a busy machine disturbs far less than wall time. The wall times of a
// --cpu run include perf's own start and so flatter the ratios: the budgets
// are judged on a run without it.
const cpu = args.includes('--cpu');
const runs = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 200);
const bin = `${root}bin/zoomsig.js`;
const commands = benchCommands(bin);
const inherited = inheritEnv ? process.env : { PATH: process.env.PATH, HOME: process.env.HOME };
const plainEnv = noColorEnv ? { ...inherited, NO_COLOR: '1' } : { ...inherited };
const times = commands.map(() => []);
const cpuTimes = commands.map(() => []);
const perfOut = `${tmpdir()}/zoomsig-bench-perf-${process.pid}.csv`;

for (let round = 0; round < runs + 5; round += 1) {
  commands.forEach(([, args, withSecret], index) => {
    const start = process.hrtime.bigint();
    // stdout a pipe, as when a script reads zoomsig's output.
    const [file, argv] = cpu ? ['perf', ['stat', '-x,', '-e', 'task-clock', '-o', perfOut, '--', process.execPath, ...args]] : [process.execPath, args];
    const result = spawnSync(file, argv, { env: envWithSecret(plainEnv, withSecret), stdio: ['ignore', 'pipe', 'ignore'] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const expected = expectedExit(withSecret);
    if (result.status !== expected) throw new Error(`${commands[index][0]} exited ${result.status}, not ${expected}`);
    if (round >= 5) {
      // the first rounds warm the file cache
      times[index].push(ms);
      if (cpu) cpuTimes[index].push(Number(/^([\d.]+),msec,task-clock/m.exec(readFileSync(perfOut, 'utf8'))?.[1]));
    }
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
rmSync(perfOut, { force: true });
const base = median(times[0]);
const cpuBase = cpu ? median(cpuTimes[0]) : 0;
console.log(`node ${process.version} on ${cpus()[0]?.model ?? 'an unknown CPU'}, ${runs} interleaved runs each, median wall time per spawn${cpu ? ' (and CPU time, perf stat task-clock)' : ''}, ${inheritEnv ? 'inherited' : 'clean'} environment${noColorEnv ? ' with NO_COLOR=1' : ''}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (const [index, [name, , , budget]] of commands.entries()) {
  const value = median(times[index]);
  const within = budget === undefined ? '' : `   budget ${budget}×: ${value / base <= budget ? 'within' : 'OVER'}`;
  const cpuValue = cpu ? median(cpuTimes[index]) : 0;
  const cpuText = cpu ? `   cpu ${cpuValue.toFixed(1).padStart(6)} ms ${(cpuValue / cpuBase).toFixed(2)}×` : '';
  console.log(`${name.padEnd(30)} ${value.toFixed(1).padStart(6)} ms   ${(value / base).toFixed(2)}× node -e 0${within}${cpuText}`);
}

// Peak resident memory of decode (budget 45 MiB): the largest of a few runs.
const rss = [];
for (let run = 0; run < 5; run += 1) {
  const result = spawnSync(process.execPath, ['--require', fileURLToPath(new URL('report-rss.cjs', import.meta.url)), bin, 'decode', BENCH_TOKEN], {
    env: plainEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  rss.push(Number(/maxRSS (\d+)/.exec(result.stderr)?.[1]));
}
const peak = Math.max(...rss) / 1024;
console.log(`peak RSS of zoomsig decode: ${peak.toFixed(1)} MiB   budget 45 MiB: ${peak <= 45 ? 'within' : 'OVER'}`);
