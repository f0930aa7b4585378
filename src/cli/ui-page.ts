/**
 * The page of `zoomsig ui`, dist/page/zoomsig.html, built by
 * scripts/build-page.mjs. This file sits in dist/cli/ both as tsc builds it
 * and inside the bundle, so the page is one level up and over either way.
 */
import { readFileSync } from 'node:fs';
import { ZoomsigError } from '../core/errors.js';

export interface UiPage {
  html: string;
  /** The policy of the page's <meta> tag, which the server sends as a header too. */
  csp: string;
}

export function readUiPage(): UiPage {
  const url = new URL('../page/zoomsig.html', import.meta.url);
  let html: string;
  try {
    html = readFileSync(url, 'utf8');
  } catch {
    throw new ZoomsigError('INTERNAL', `the web page is missing (${url.pathname}): run "npm run build" in the zoomsig package.`);
  }
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  if (csp === undefined) throw new ZoomsigError('INTERNAL', `the web page ${url.pathname} has no Content-Security-Policy: run "npm run build" again.`);
  return { html, csp };
}
