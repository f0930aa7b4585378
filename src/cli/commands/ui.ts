/**
 * zoomsig ui: the doctor, generate and explain in a local web page. Serves
 * the page on 127.0.0.1 (port 4100; 0 picks one) until SIGINT or SIGTERM, or
 * with --out writes it as one self-contained HTML file. The page does all its
 * work in the browser: the server answers the page and nothing else.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ZoomsigError } from '../../core/errors.js';
import type { CommandInput } from '../commands.js';
import { formatOption } from '../common-options.js';
import { EXIT } from '../exit-codes.js';
import type { Io, Output } from '../io.js';
import { parsePort } from '../options.js';
import { readUiPage } from '../ui-page.js';
import { createUiServer } from '../ui-server.js';
import { isLoopback, listen, stopOnSignal } from './serve.js';

const DEFAULT_PORT = 4100;
const DEFAULT_HOST = '127.0.0.1';

export async function runUi({ values, io, output }: CommandInput): Promise<number> {
  const json = formatOption(values) === 'json';
  const page = readUiPage();
  // --out with --port or --host is refused by the option table (options.ts).
  if (values.out !== undefined) {
    const path = resolve(io.cwd, values.out);
    try {
      writeFileSync(path, page.html);
    } catch (error) {
      throw new ZoomsigError('UNREADABLE_INPUT', `cannot write ${values.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, 'out');
    }
    const url = pathToFileURL(path).href;
    output.out(json ? JSON.stringify({ schemaVersion: 1, url, file: path }) : url);
    output.note(`wrote ${values.out}, one self-contained page: open it in a browser, or host it anywhere as a static file.`);
    if (values.open) await openInBrowser(url, io, output);
    return EXIT.ok;
  }

  const port = values.port === undefined ? DEFAULT_PORT : parsePort(values.port, '--port');
  const host = values.host ?? DEFAULT_HOST;
  const server = createUiServer(page);
  // Listening for the signals before the URL is printed: whoever reads it may stop the server at once.
  const shutdown = stopOnSignal(server, { line: (text) => output.err(text) }, 'ui');
  let url: string;
  try {
    url = `${await listen(server, port, host)}/`;
  } catch (error) {
    shutdown.cancel();
    throw error;
  }
  // The URL is the first line: a script that starts the page reads where it is (--json: as one line of JSON).
  output.out(json ? JSON.stringify({ schemaVersion: 1, url }) : url);
  output.note(`the page at ${url} does its work in the browser and sends nothing anywhere. Stop it with Ctrl-C.`);
  if (!isLoopback(host)) {
    output.warn(
      `listening on ${host}: anyone who can reach this machine can open the page (it holds no secret, and signs nothing on the server). Browsers give WebCrypto only to https and localhost, so from another machine over plain http the page cannot check or make signatures.`,
    );
  }
  if (values.open) await openInBrowser(url, io, output);
  return shutdown.stopped;
}

/** Opens the URL in the default browser where there is one, else says so. */
function openInBrowser(url: string, io: Io, output: Output): Promise<void> {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, env: io.env as NodeJS.ProcessEnv });
    child.once('spawn', () => {
      output.note(`opening ${url} with ${command}.`);
      child.unref();
      done();
    });
    child.once('error', () => {
      output.warn(`--open: no browser to open here (${command} is not available); open ${url} yourself.`);
      done();
    });
  });
}
