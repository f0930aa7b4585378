/** `zoomsig serve --port 0` and `zoomsig ui --port 0` as a user runs them, for the tests of serve, check and ui. */
import { spawnCli } from '../helpers.js';

export interface RunningServe {
  url: string;
  /** Sends the signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

interface StartOptions {
  env?: Record<string, string>;
  cwd?: string;
  /** Killed after this long whatever happens (default 15 s). */
  killAfterMs?: number;
}

/** Starts `zoomsig serve --port 0` and waits for the URL it prints. */
export function startServe(args: readonly string[], opts: StartOptions = {}): Promise<RunningServe> {
  return startListening(['serve', '--port', '0', ...args], /listening on (http:\/\/127\.0\.0\.1:\d+)\n/, opts);
}

/** Starts `zoomsig ui --port 0` and waits for its URL, the first line on stdout (with --json, in one line of JSON). */
export function startUi(args: readonly string[] = [], opts: StartOptions = {}): Promise<RunningServe> {
  return startListening(['ui', '--port', '0', ...args], /^(?:\{"schemaVersion":1,"url":")?(http:\/\/[^\s"]+\/)"?\}?\n/, opts);
}

/** Spawns the command and resolves once `urlPattern` finds the URL on stdout. */
function startListening(args: readonly string[], urlPattern: RegExp, opts: StartOptions): Promise<RunningServe> {
  const command = args[0];
  const child = spawnCli(args, opts);
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
  const killer = setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs ?? 15_000);

  return new Promise((resolve, reject) => {
    const onData = (): void => {
      const url = urlPattern.exec(stdout)?.[1];
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
    void exited.then((code) => reject(new Error(`${command} exited (${code}) before listening:\n${stdout}${stderr}`)));
  });
}
