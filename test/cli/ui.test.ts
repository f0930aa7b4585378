/**
 * zoomsig ui without a browser: what the server answers, the page's
 * Content-Security-Policy against its inline script and style, --out, and
 * the options' errors. test/ui/browser.test.ts runs the page itself.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, makeTempDir, runCli, usageErrorLine } from './helpers.js';
import { startUi, type RunningServe } from './support/start-serve.js';

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const inline = (html: string, tag: 'script' | 'style'): string[] =>
  [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => match[1] ?? '');

describe('zoomsig ui', () => {
  let ui: RunningServe;
  beforeAll(async () => {
    ui = await startUi();
  });
  afterAll(async () => {
    await ui.stop();
    cleanupTempDirs();
  });

  it('prints the URL of the page, on 127.0.0.1, as the first line on stdout', () => {
    expect(ui.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the page with a policy that forbids every connection and allows only its own script and style', async () => {
    const response = await fetch(ui.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    const header = response.headers.get('content-security-policy') ?? '';
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(header).toBe(`${meta}; frame-ancestors 'none'`);
    const directives = Object.fromEntries(meta.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives['default-src']).toBe("'none'");
    expect(directives['connect-src']).toBeUndefined();
    // One script and one style, allowed by their hashes and nothing else: no 'self', no host, no 'unsafe-inline'.
    const [scripts, styles] = [inline(html, 'script'), inline(html, 'style')];
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    expect(directives['script-src']).toBe(sha256(scripts[0] ?? ''));
    expect(directives['style-src']).toBe(sha256(styles[0] ?? ''));
    expect(directives['img-src']).toBe('data:');
    // Nothing loaded from elsewhere: no src attribute, no stylesheet link, no CSS that fetches.
    const markup = html.replace(scripts[0] ?? '', '');
    expect(markup).not.toMatch(/\ssrc=|rel="stylesheet"|@import|url\(/i);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves nothing but the page: any other path is 404, any other method 405', async () => {
    expect((await fetch(`${ui.url}api/sign`)).status).toBe(404);
    expect((await fetch(`${ui.url}favicon.ico`)).status).toBe(404);
    const post = await fetch(ui.url, { method: 'POST', body: '{"meetingNumber":"85746065012","role":0}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const head = await fetch(ui.url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('--out writes the same page as one file and prints its file:// URL', async () => {
    const dir = makeTempDir();
    const result = await runCli(['ui', '--out', 'page.html'], { cwd: dir });
    expect(result.code).toBe(0);
    const path = join(dir, 'page.html');
    expect(result.stdout).toBe(`${pathToFileURL(path).href}\n`);
    expect(result.stderr).toMatch(/^note: wrote page\.html, one self-contained page/);
    expect((await runCli(['ui', '--out', 'page.html', '--quiet'], { cwd: dir })).stderr).toBe('');
    expect(readFileSync(path, 'utf8')).toBe(await (await fetch(ui.url)).text());
  });
});

describe('zoomsig ui: options', () => {
  afterAll(cleanupTempDirs);

  it('stops on SIGTERM with exit 0', async () => {
    const ui = await startUi();
    const stopped = await ui.stop('SIGTERM');
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toMatch(/zoomsig ui: SIGTERM, stopping\.\n$/);
  });

  it('--json prints where the page is as one line of JSON, serving or writing it', async () => {
    const ui = await startUi(['--json']);
    const { stdout } = await ui.stop();
    expect(JSON.parse(stdout.split('\n')[0] ?? '')).toEqual({ schemaVersion: 1, url: ui.url });
    const dir = makeTempDir();
    const written = await runCli(['ui', '--out', 'page.html', '--json'], { cwd: dir });
    expect(written.code).toBe(0);
    const path = join(dir, 'page.html');
    expect(JSON.parse(written.stdout)).toEqual({ schemaVersion: 1, url: pathToFileURL(path).href, file: path });
  });

  it('warns when listening on more than this machine', async () => {
    const ui = await startUi(['--host', '0.0.0.0']);
    const { stdout, stderr } = await ui.stop();
    expect(stdout).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/\n$/);
    expect(stderr).toMatch(/warning: listening on 0\.0\.0\.0: anyone who can reach this machine can open the page/);
  });

  it('--open says so when there is no browser to open', async () => {
    const dir = makeTempDir();
    const result = await runCli(['ui', '--out', 'page.html', '--open'], { cwd: dir, env: { PATH: dir } });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: --open: no browser to open here \((xdg-open|open|cmd) is not available\); open file:\/\/\S+page\.html yourself\./);
  });

  it.each([
    [['ui', '--port', '70000'], /--port takes a port number from 0 to 65535/],
    [['ui', '--out', 'x.html', '--port', '0'], /--out writes the page to a file and serves nothing/],
    [['ui', '--out', 'no-such-dir/x.html'], /cannot write no-such-dir\/x\.html: ENOENT/],
    [['ui', 'extra'], /takes no arguments/],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(usageErrorLine(result)).toMatch(message);
  });
});
