/**
 * The commands the start-up benchmarks run, in one table: scripts/bench-startup.mjs
 * times them, scripts/bench-instructions.mjs counts their instructions.
 */
import { readFileSync } from 'node:fs';

/** The example endpoint's signature: the token the commands read. */
export const BENCH_TOKEN = JSON.parse(readFileSync(new URL('../examples/endpoint-reply.json', import.meta.url), 'utf8')).signature;
/** The secret the example token is signed with. */
const SECRET = 'FakeClientSecret0123456789abcdef';

/**
 * [name, arguments, the secret in the environment (true, or 'wrong' for one
 * that does not match), budget as a multiple of node -e 0 (issue 9)], with
 * `bin` the zoomsig to run. `more`: three more doctors, without budgets.
 */
export function benchCommands(bin, { more = false } = {}) {
  return [
    ['node -e 0', ['-e', '0'], false],
    ['zoomsig decode <token>', [bin, 'decode', BENCH_TOKEN], false, 1.35],
    ['zoomsig doctor <token>', [bin, 'doctor', '--ignore-exp', BENCH_TOKEN], false, 1.35],
    ['zoomsig explain 3712', [bin, 'explain', '3712'], false, 1.35],
    ['zoomsig --help', [bin, '--help'], false, 1.35],
    ['zoomsig verify <token>', [bin, 'verify', '--ignore-exp', BENCH_TOKEN], true, 1.6],
    ['zoomsig doctor --secret', [bin, 'doctor', '--ignore-exp', BENCH_TOKEN], true, 1.6],
    ['zoomsig generate --native', [bin, 'generate', '--native', '--key', 'FakeClientId0123456789'], true, 1.6],
    // No budget of its own: doctor's usual case when a join fails, the secret given and
    // each mistake with it checked (10 HMACs; exit 1, the signature is invalid).
    ['zoomsig doctor, wrong secret', [bin, 'doctor', '--ignore-exp', BENCH_TOKEN], 'wrong'],
    ...(more
      ? [
          ['zoomsig doctor --json', [bin, 'doctor', '--ignore-exp', '--json', BENCH_TOKEN], false],
          ['zoomsig doctor --error 3712', [bin, 'doctor', '--ignore-exp', '--error', '3712', BENCH_TOKEN], false],
          ['zoomsig doctor --help', [bin, 'doctor', '--help'], false],
        ]
      : []),
  ];
}

/** `base`, with the secret a command's third field asks for. */
export function envWithSecret(base, withSecret) {
  if (!withSecret) return base;
  return { ...base, ZOOM_MEETING_SDK_SECRET: withSecret === 'wrong' ? `Other${SECRET}` : SECRET };
}

/** The exit code of a command's run: 1 for the wrong secret (the signature is invalid), else 0. */
export function expectedExit(withSecret) {
  return withSecret === 'wrong' ? 1 : 0;
}
