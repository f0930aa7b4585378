/**
 * Headless Chromium for the page's tests, through puppeteer-core (which
 * downloads no browser): Debian's `chromium`, or ZOOMSIG_CHROMIUM. Without
 * one the tests skip, unless ZOOMSIG_BROWSER_TESTS=required (as .ci/run sets),
 * which makes a missing browser a failure.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export const BROWSER_REQUIRED = process.env.ZOOMSIG_BROWSER_TESTS === 'required';

export function findChromium(): string | undefined {
  const given = process.env.ZOOMSIG_CHROMIUM;
  if (given !== undefined && given !== '') return given;
  return CANDIDATES.find((path) => existsSync(path));
}

export const SKIP_LINE =
  'browser tests skipped: no Chromium found. To run them: apt-get install -y chromium (or ZOOMSIG_CHROMIUM=/path/to/chrome), then npm test; ZOOMSIG_BROWSER_TESTS=required makes a missing browser fail.';

/**
 * A fresh headless Chromium with a throw-away profile, and none of its own
 * traffic (update checks, sync, QUIC probes): the machine may have no network.
 */
export async function launchChromium(executablePath: string): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const { default: puppeteer } = await import('puppeteer-core');
  const profile = mkdtempSync(join(tmpdir(), 'zoomsig-chromium-'));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
