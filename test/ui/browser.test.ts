/**
 * The page of `zoomsig ui` in a real headless Chromium: tokens from
 * fixtures/tokens/ pasted in, the secret typed key by key, and the page's
 * verdict and finding ids held against `zoomsig doctor --json` on the same
 * input and clock. Every request the browser makes is logged (and anything
 * but the page itself refused): the log must hold the page's URL alone. The
 * secret must appear nowhere but in its field.
 *
 * Skips with one line when there is no Chromium (test/ui/browser.ts says how
 * to run it); fails instead with ZOOMSIG_BROWSER_TESTS=required.
 */
import { createHmac } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, makeTempDir, runCli } from '../cli/helpers.js';
import { startUi, type RunningServe } from '../cli/support/start-serve.js';
import { BROWSER_REQUIRED, findChromium, launchChromium, SKIP_LINE } from './browser.js';

interface Fixture {
  description: string;
  input: string;
  now: number;
  options?: { secrets?: string[]; key?: string; sdk?: 'meeting' | 'video'; meeting?: string; role?: string | number; error?: string };
}

const fixture = (name: string): Fixture =>
  JSON.parse(readFileSync(new URL(`../../fixtures/tokens/${name}.json`, import.meta.url), 'utf8')) as Fixture;

/** A valid one, milliseconds, legacy (matching and not), a ZAK, HS512, and something that is no token at all. */
const FIXTURES = [
  'valid-meeting-web',
  'valid-video',
  'timestamps-in-ms',
  'legacy-web-signature-matching',
  'legacy-web-signature-wrong-secret',
  'zak',
  'alg-hs512',
  'garbage-undefined',
] as const;

const SCREENSHOT = new URL('../../docs/ui-screenshot.png', import.meta.url);

const chromium = findChromium();
const skip = chromium === undefined && !BROWSER_REQUIRED;
if (skip) console.warn(SKIP_LINE);

describe.skipIf(skip)('zoomsig ui in Chromium', () => {
  let ui: RunningServe;
  let browser: Browser;
  let closeBrowser: () => Promise<void> = async () => undefined;
  /** Every request of every page, for the test that reads the whole log. */
  const requests: string[] = [];

  beforeAll(async () => {
    if (chromium === undefined) {
      throw new Error(`ZOOMSIG_BROWSER_TESTS=required, but no Chromium was found: apt-get install -y chromium, or set ZOOMSIG_CHROMIUM.`);
    }
    [ui, { browser, close: closeBrowser }] = await Promise.all([startUi([], { killAfterMs: 120_000 }), launchChromium(chromium)]);
  }, 30_000);

  afterAll(async () => {
    await closeBrowser();
    await ui?.stop();
    cleanupTempDirs();
  });

  interface Opened {
    page: Page;
    /** What this page asked for: URL and body of each request. */
    log: { url: string; body: string }[];
    /** Console errors (a CSP violation is one) and uncaught exceptions. */
    errors: string[];
  }

  /**
   * A new page at `url`, with every request logged and any request for
   * something else than the page itself refused, and crypto.subtle counted.
   */
  async function open(url: string, viewport = { width: 1000, height: 900 }): Promise<Opened> {
    const page = await browser.newPage();
    await page.setViewport(viewport);
    const log: Opened['log'] = [];
    const errors: string[] = [];
    const own = url.split('#')[0];
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const entry = { url: request.url(), body: request.postData() ?? '' };
      log.push(entry);
      requests.push(entry.url);
      if (entry.url.split('#')[0] === own) void request.continue();
      else void request.abort();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    // Counts the WebCrypto calls the page makes.
    await page.evaluateOnNewDocument(() => {
      const calls: string[] = [];
      Object.defineProperty(window, '__subtleCalls', { value: calls });
      const subtle = crypto.subtle as unknown as Record<string, (...args: unknown[]) => unknown>;
      for (const name of ['importKey', 'sign', 'verify', 'digest']) {
        const original = subtle[name]?.bind(crypto.subtle);
        if (original) subtle[name] = (...args: unknown[]) => (calls.push(name), original(...args));
      }
    });
    await page.goto(url);
    return { page, log, errors };
  }

  /** Sets a field as a paste does: the whole value, then one input event. */
  async function paste(page: Page, selector: string, value: string): Promise<void> {
    await page.$eval(
      selector,
      (element, text) => {
        (element as HTMLInputElement).value = text;
        element.dispatchEvent(new Event('input', { bubbles: true }));
      },
      value,
    );
  }

  /** Fills the doctor's fields from a fixture, the secret typed key by key, and waits for the verdict. */
  async function fillDoctor(page: Page, data: Fixture): Promise<void> {
    await paste(page, '#now', String(data.now));
    const { secrets, key, sdk, meeting, role, error } = data.options ?? {};
    if (key !== undefined) await paste(page, '#key', key);
    if (sdk !== undefined) await page.select('#sdk', sdk);
    if (meeting !== undefined) await paste(page, '#meeting', meeting);
    if (role !== undefined) await page.select('#role', String(role));
    if (error !== undefined) await paste(page, '#error', error);
    await paste(page, '#token', data.input);
    if (secrets?.[0] !== undefined) await page.type('#secret', secrets[0]);
    await page.waitForSelector('#doctor-result[aria-busy="false"]');
  }

  async function pageResult(page: Page, scope = '#doctor-result'): Promise<{ verdict: string | null; ids: string[] }> {
    return page.$eval(scope, (result) => ({
      verdict: result.querySelector('[data-verdict]')?.getAttribute('data-verdict') ?? null,
      ids: [...result.querySelectorAll('[data-finding-id]')].map((finding) => finding.getAttribute('data-finding-id') ?? ''),
    }));
  }

  /** `zoomsig doctor --json` on the same input, clock and options. */
  async function cliResult(data: Fixture): Promise<{ verdict: string; ids: string[] }> {
    const { secrets, key, sdk, meeting, role, error } = data.options ?? {};
    const args = ['doctor', '--json', '--now', String(data.now)];
    if (secrets?.[0] !== undefined) {
      const dir = makeTempDir({ 'sdk.secret': secrets[0] });
      args.push('--secret-file', join(dir, 'sdk.secret'));
    }
    if (key !== undefined) args.push('--key', key);
    if (sdk !== undefined) args.push('--sdk', sdk);
    if (meeting !== undefined) args.push('--meeting', meeting);
    if (role !== undefined) args.push('--role', String(role));
    if (error !== undefined) args.push('--error', error);
    const result = await runCli(args, { input: data.input });
    expect(result.code, result.stderr).not.toBe(2);
    const report = JSON.parse(result.stdout) as { verdict: string; findings: { id: string }[] };
    return { verdict: report.verdict, ids: report.findings.map((finding) => finding.id) };
  }

  /** Where the secret shows outside its own field: the markup, other fields, the URL, the link, storage, any request. */
  async function secretLeaks(opened: Opened, secret: string, field: string): Promise<string[]> {
    const leaks = await opened.page.evaluate(
      (text, own) => {
        const found: string[] = [];
        // The page's own script is left out: its text is fixed at build time (the CSP pins its hash), and the
        // check pages it embeds show the fixtures' example secrets.
        const markup = document.documentElement.cloneNode(true) as HTMLElement;
        for (const script of markup.querySelectorAll('script')) script.remove();
        if (markup.outerHTML.includes(text)) found.push('the markup');
        if (document.body.innerText.includes(text)) found.push('the text');
        for (const element of document.querySelectorAll<HTMLInputElement>('input, textarea, select')) {
          if (element.id !== own && element.value.includes(text)) found.push(`#${element.id}`);
        }
        if (location.href.includes(text)) found.push('the URL');
        if (document.querySelector<HTMLAnchorElement>('#permalink')?.href.includes(text)) found.push('the permalink');
        if (localStorage.length > 0 || sessionStorage.length > 0 || document.cookie !== '') found.push('storage');
        return found;
      },
      secret,
      field,
    );
    for (const request of opened.log) if (request.url.includes(secret) || request.body.includes(secret)) leaks.push(`request ${request.url}`);
    return leaks;
  }

  const onlyThePage = (log: Opened['log'], url: string): string[] => log.map((r) => r.url).filter((u) => u.split('#')[0] !== url.split('#')[0]);

  it.each(FIXTURES)('%s: the same verdict and finding ids as doctor --json; the secret nowhere but its field', async (name) => {
    const data = fixture(name);
    const opened = await open(ui.url);
    try {
      await fillDoctor(opened.page, data);
      const [page, cli] = await Promise.all([pageResult(opened.page), cliResult(data)]);
      expect(page).toEqual(cli);
      const secret = data.options?.secrets?.[0];
      if (secret !== undefined) expect(await secretLeaks(opened, secret, 'secret')).toEqual([]);
      expect(onlyThePage(opened.log, ui.url)).toEqual([]);
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.page.close();
    }
  });

  it('checks the signature with crypto.subtle alone: no Node global exists in the page', async () => {
    const data = fixture('valid-meeting-web');
    const opened = await open(ui.url);
    await fillDoctor(opened.page, data);
    const seen = await opened.page.evaluate(() => ({
      calls: (window as unknown as { __subtleCalls: string[] }).__subtleCalls,
      globals: ['Buffer', 'process', 'require', 'global', 'module'].filter((name) => name in globalThis),
      signature: document.querySelector('#doctor-result .facts')?.textContent ?? '',
    }));
    await opened.page.close();
    expect(seen.globals).toEqual([]);
    expect(seen.calls).toContain('importKey');
    expect(seen.calls.some((call) => call === 'sign' || call === 'verify')).toBe(true);
    // The secret matched, and is shown masked only.
    expect(seen.signature).toContain('matches the secret you typed (Fake…cdef)');
  });

  it('the --out file opened from file:// gives the same result, with no request but the file', async () => {
    const dir = makeTempDir();
    const written = await runCli(['ui', '--out', 'zoomsig.html'], { cwd: dir });
    expect(written.code).toBe(0);
    const url = pathToFileURL(join(dir, 'zoomsig.html')).href;
    const data = fixture('timestamps-in-ms');
    const opened = await open(url);
    await fillDoctor(opened.page, data);
    const [page, cli] = await Promise.all([pageResult(opened.page), cliResult(data)]);
    expect(page).toEqual(cli);
    expect(page.ids).toContain('timestamps-in-ms');
    expect(await secretLeaks(opened, data.options?.secrets?.[0] ?? '', 'secret')).toEqual([]);
    expect(onlyThePage(opened.log, url)).toEqual([]);
    expect(opened.errors).toEqual([]);
    await opened.page.close();
  });

  it('generates a token that an independent HMAC verifies and doctor passes, with the secret typed in the page', async () => {
    const key = 'FakeClientId0123456789';
    const secret = 'FakeClientSecret0123456789abcdef';
    const opened = await open(ui.url);
    const { page } = opened;
    await page.click('#tab-generate');
    await page.type('#gen-key', key);
    await page.type('#gen-secret', secret);
    await page.type('#gen-meeting', '857 4606 5012');
    await page.select('#gen-role', '1');
    await page.click('#generate');
    await page.waitForSelector('#generate-result[aria-busy="false"] #generated-token');
    const token = await page.$eval('#generated-token', (box) => (box as HTMLTextAreaElement).value);
    const [header = '', payload = '', mac] = token.split('.');
    expect(mac).toBe(createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url'));
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(claims).toMatchObject({ appKey: key, sdkKey: key, mn: '85746065012', role: 1 });
    expect(claims.exp).toBe((claims.iat as number) + 7200);
    expect(await pageResult(page, '#generate-result')).toEqual({ verdict: 'ok', ids: [] });
    expect(await secretLeaks(opened, secret, 'gen-secret')).toEqual([]);
    expect(onlyThePage(opened.log, ui.url)).toEqual([]);
    await page.close();
  });

  it('explains 3712 with the causes and checks of explain --json, and a check page with the text of explain <id>', async () => {
    const opened = await open(ui.url);
    const { page } = opened;
    await page.click('#tab-explain');
    await page.type('#subject', '3712');
    const shown = await page.$$eval('#explain-result .causes > li', (causes) =>
      causes.map((cause) => [...cause.querySelectorAll('[data-check]')].map((check) => check.getAttribute('data-check'))),
    );
    const cli = JSON.parse((await runCli(['explain', '3712', '--json'])).stdout) as { causes: { checks: string[] }[] };
    expect(shown).toEqual(cli.causes.map((cause) => cause.checks));

    // Following a check from there opens its page: the same text as the terminal's.
    await page.click('#explain-result [data-check="timestamps-in-ms"]');
    const text = await page.$eval('#explain-result', (result) => (result.textContent ?? '').replace(/\s+/g, ' '));
    const terminal = (await runCli(['explain', 'timestamps-in-ms'])).stdout;
    // Line by line, but for the list markers (the page draws a list), links to elsewhere (the page links them)
    // and the page's path on this disk (the page names it inside the package).
    const lines = terminal
      .split('\n')
      .map((line) => line.replace(/^\s*- /, '').replace(/\s+/g, ' ').trim())
      .filter((line) => line !== '' && !line.includes('(http') && !line.startsWith('Page: '));
    expect(text).toContain('docs/checks/timestamps-in-ms.md in the zoomsig package');
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) expect(text).toContain(line);
    expect(await page.evaluate(() => location.hash)).toBe('#tab=explain&explain=timestamps-in-ms');
    await page.close();
  });

  it('keeps the inputs but the secret in the URL fragment, and the link gives the same result', async () => {
    const data = fixture('timestamps-in-ms');
    const secret = data.options?.secrets?.[0] ?? '';
    const first = await open(ui.url);
    await fillDoctor(first.page, { ...data, options: { ...data.options, meeting: '85746065012', role: 0 } });
    const link = await first.page.evaluate(() => location.href);
    const before = await pageResult(first.page);
    await first.page.close();
    const fragment = new URLSearchParams(new URL(link).hash.slice(1));
    expect(Object.fromEntries(fragment)).toEqual({ token: data.input, meeting: '85746065012', role: '0', now: String(data.now) });
    expect(link).not.toContain(secret);

    const second = await open(link);
    await second.page.waitForSelector('#doctor-result[aria-busy="false"]');
    expect(await second.page.$eval('#secret', (field) => (field as HTMLInputElement).value)).toBe('');
    // Without the secret the signature goes unchecked; every other finding is the same.
    const after = await pageResult(second.page);
    expect(after.ids.filter((id) => id !== 'signature-unverified')).toEqual(before.ids);
    expect(after.ids).toContain('signature-unverified');
    await second.page.close();
  });

  it('is usable on a phone-width window, with a dark colour scheme, by keyboard, with a label for every field', async () => {
    const data = fixture('timestamps-in-ms');
    const opened = await open(ui.url, { width: 360, height: 740 });
    const { page } = opened;
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await fillDoctor(page, data);
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      background: getComputedStyle(document.body).backgroundColor,
      announced: document.querySelector('#doctor-status')?.textContent ?? '',
      unlabelled: [...document.querySelectorAll<HTMLInputElement>('input, select, textarea')]
        .filter((field) => (field.labels?.length ?? 0) === 0 && !field.hasAttribute('aria-label'))
        .map((field) => field.id || field.name),
    }));
    expect(layout.scrollWidth).toBeLessThanOrEqual(360);
    expect(layout.background).toBe('rgb(21, 23, 26)');
    expect(layout.unlabelled).toEqual([]);
    // A screen reader hears the verdict, not the whole report at every key.
    expect(layout.announced).toMatch(/^✗ ?fail Zoom would reject this token: 3 errors\.$/);
    // The tabs follow the arrow keys.
    await page.focus('#tab-doctor');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => [document.activeElement?.id, document.querySelector('#panel-generate')?.hasAttribute('hidden')])).toEqual([
      'tab-generate',
      false,
    ]);
    expect(opened.errors).toEqual([]);
    await page.close();
  });

  it('makes the README screenshot: a broken token (ZOOMSIG_SCREENSHOT=update writes docs/ui-screenshot.png)', async () => {
    const data = fixture('timestamps-in-ms');
    const opened = await open(ui.url, { width: 860, height: 1100 });
    await fillDoctor(opened.page, data);
    await opened.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const path = join(makeTempDir(), 'ui-screenshot.png');
    await opened.page.screenshot({ path, clip: { x: 0, y: 0, width: 860, height: 1100 } });
    await opened.page.close();
    const png = readFileSync(path);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    if (process.env.ZOOMSIG_SCREENSHOT === 'update') copyFileSync(path, SCREENSHOT);
  });

  it("the browser's request log holds the page's own URLs alone", () => {
    expect(requests.length).toBeGreaterThan(FIXTURES.length);
    const own = new Set(requests.map((url) => url.split('#')[0]));
    for (const url of own) expect(url === ui.url || /^file:\/\/.*\/zoomsig\.html$/.test(url ?? ''), url).toBe(true);
  });
});

