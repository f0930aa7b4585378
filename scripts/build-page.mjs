#!/usr/bin/env node
/**
 * Builds the web page of `zoomsig ui`, dist/page/zoomsig.html: one
 * self-contained HTML file (the core bundled for the browser, the CSS and
 * every check page inlined) that works from disk (file://) and from any
 * static host. Its Content-Security-Policy, in a <meta> tag so that it holds
 * wherever the file goes, allows no connection at all: no default source, the
 * one script and the one style only by their SHA-256 hashes.
 *
 * `zoomsig ui` reads this file when it runs; nothing of it is loaded by the
 * other commands.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (path) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

// The check pages, as `zoomsig explain <id>` reads them from docs/checks/.
const pages = Object.fromEntries(
  readdirSync(new URL('../docs/checks/', import.meta.url))
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort()
    .map((name) => [name.slice(0, -'.md'.length), read(`docs/checks/${name}`)]),
);

const bundle = await build({
  absWorkingDir: root,
  entryPoints: ['src/page/main.ts'],
  bundle: true,
  write: false,
  metafile: true,
  platform: 'browser',
  format: 'iife',
  target: ['chrome111', 'firefox113', 'safari16.4'],
  minify: true,
  charset: 'utf8',
  legalComments: 'none',
  define: { __CHECK_PAGES__: JSON.stringify(pages) },
  logLevel: 'warning',
});
// The page is its own code over the core and what the core uses (jose): no CLI module, nothing of Node.
const foreign = Object.keys(bundle.metafile.inputs).filter(
  (input) => !/^(<define:__CHECK_PAGES__>$|src\/core\/|src\/page\/|node_modules\/jose\/)/.test(input),
);
if (foreign.length > 0) throw new Error(`the page bundles modules from outside src/core and src/page: ${foreign.join(', ')}`);
const script = bundle.outputFiles[0].text.trim();
const style = read('src/page/page.css').trim();

// Inline content must not close its own element early.
for (const [name, text, closer] of [['script', script, /<\/script|<!--/i], ['style', style, /<\/style/i]]) {
  if (closer.test(text)) throw new Error(`the page's ${name} holds ${closer.exec(text)[0]}: it cannot be inlined.`);
}

const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src ${hash(script)}`,
  `style-src ${hash(style)}`,
  // The icon, a data: URL inside the page.
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

const template = read('src/page/page.html');
const html = fill(template, { CSP: csp, STYLE: style, SCRIPT: script });
mkdirSync(new URL('../dist/page/', import.meta.url), { recursive: true });
writeFileSync(new URL('../dist/page/zoomsig.html', import.meta.url), html);

/** Replaces each {{NAME}} once, literally (no `$` patterns). */
function fill(text, values) {
  let out = text;
  for (const [name, value] of Object.entries(values)) {
    const marker = `{{${name}}}`;
    if (out.split(marker).length !== 2) throw new Error(`src/page/page.html must hold ${marker} exactly once.`);
    out = out.split(marker).join(value);
  }
  return out;
}
