/** `zoomsig serve --port 0` as a user runs it, for the tests of serve and of check. */
import { spawnCli } from '../helpers.js';

export interface RunningServe {
  url: string;
  /** Sends the signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Starts `zoomsig serve --port 0` and waits for the URL it prints. */
export function startServe(args: readonly string[], opts: { env?: Record<string, string>; cwd?: string } = {}): Promise<RunningServe> {
  const child = spawnCli(['serve', '--port', '0', ...args], opts);
  child.stdin.end();
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);

  return new Promise((resolve, reject) => {
    const onData = (): void => {
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout)?.[1];
      if (url === undefined) return;
      child.stdout.off('data', onData);
      resolve({
        url,
        async stop(signal = 'SIGTERM') {
          child.kill(signal);
          const code = await exited;
          clearTimeout(killer);
          return { code, stdout, stderr };
        },
      });
    };
    child.stdout.on('data', onData);
    void exited.then((code) => reject(new Error(`serve exited (${code}) before listening:\n${stdout}${stderr}`)));
  });
}
