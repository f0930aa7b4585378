/**
 * The registry and its parity with the docs and the fixtures: every check id
 * has its check, its page (whose first lines agree with the check), and a
 * fixture that expects it; every page names a registered check; ids are unique.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECK_IDS, CHECKS, CHECKS_BY_ID, checkById } from '../../src/index.js';
import { CHECK_GROUPS } from '../../src/core/checks/check.js';
import { docsUrl } from '../../src/core/docs-url.js';

const docsDir = new URL('../../docs/checks/', import.meta.url);
const fixturesDir = new URL('../../fixtures/tokens/', import.meta.url);
const pages = readdirSync(docsDir).filter((file) => file.endsWith('.md') && file !== 'README.md');
const fixtureIds = new Set(
  readdirSync(fixturesDir)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => (JSON.parse(readFileSync(new URL(file, fixturesDir), 'utf8')) as { expect: { ids: string[] } }).expect.ids),
);

describe('check registry', () => {
  it('has one check per contract id, in the contract order, ids unique', () => {
    expect(new Set(CHECK_IDS).size).toBe(CHECK_IDS.length);
    expect(CHECKS.map((check) => check.id)).toEqual([...CHECK_IDS]);
    for (const [id, check] of Object.entries(CHECKS_BY_ID)) expect(check.id).toBe(id);
  });

  it.each(CHECKS.map((check) => [check.id, check] as const))('%s has its metadata', (_id, check) => {
    expect(check.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(['error', 'warning', 'info']).toContain(check.severity);
    expect(CHECK_GROUPS).toContain(check.group);
    expect(check.title.length).toBeGreaterThan(5);
    expect(check.hint.length).toBeGreaterThan(10);
  });

  it('finds checks by id and nothing else', () => {
    expect(checkById('expired')?.id).toBe('expired');
    expect(checkById('toString')).toBeUndefined();
    expect(checkById('__proto__')).toBeUndefined();
  });
});

describe('parity: checks, docs pages, fixtures', () => {
  it.each(CHECK_IDS.map((id) => [id]))('%s has a page that agrees with the check', (id) => {
    const page = readFileSync(new URL(`${id}.md`, docsDir), 'utf8');
    const [heading, blank, summary] = page.split('\n');
    const check = CHECKS_BY_ID[id];
    expect(heading).toBe(`# ${id}`);
    expect(blank).toBe('');
    expect(summary).toBe(`> **${check.severity}** · ${check.group} · ${check.title}`);
    for (const section of ['## Why Zoom rejects it', '## How to fix it', '## Example']) expect(page).toContain(section);
    expect(docsUrl(id)).toMatch(new RegExp(`/docs/checks/${id}\\.md$`));
  });

  it('every page names a registered check', () => {
    for (const page of pages) expect(CHECK_IDS).toContain(page.replace(/\.md$/, ''));
    expect(pages.length).toBe(CHECK_IDS.length);
  });

  it.each(CHECK_IDS.map((id) => [id]))('%s is expected by at least one fixture', (id) => {
    expect(fixtureIds.has(id)).toBe(true);
  });

  it('the README check list links every page', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const id of CHECK_IDS) expect(readme).toContain(`[\`${id}\`](docs/checks/${id}.md)`);
  });

  it('the checks index lists every page', () => {
    const index = readFileSync(new URL('README.md', docsDir), 'utf8');
    for (const id of CHECK_IDS) expect(index).toContain(`(${id}.md)`);
  });
});
