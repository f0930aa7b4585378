/**
 * The registries and their parity with the docs and the fixtures: every check
 * id (token checks, and zoomsig check's credential and endpoint checks) has
 * its check, its page (whose first lines agree with the check), and a fixture
 * that expects it; every page names a registered check; ids are unique
 * across both registries.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ALL_CHECKS,
  anyCheckById,
  CHECK_IDS,
  CHECKS,
  CHECKS_BY_ID,
  checkById,
  CREDENTIAL_CHECK_IDS,
  CREDENTIAL_CHECKS,
  ENDPOINT_CHECK_IDS,
  ENDPOINT_CHECKS,
  SMOKE_CHECK_GROUPS,
  SMOKE_CHECK_IDS,
  SMOKE_CHECKS,
  smokeCheckById,
} from '../../src/index.js';
import { CHECK_GROUPS } from '../../src/core/checks/check.js';
import { docsRef } from '../../src/core/docs-ref.js';
import { credentialFixtures, endpointFixtures } from './support/smoke-fixtures.js';

const ALL_IDS = ALL_CHECKS.map((check) => check.id);

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

  it.each(ALL_CHECKS.map((check) => [check.id, check] as const))('%s has its metadata', (_id, check) => {
    expect(check.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(['error', 'warning', 'info']).toContain(check.severity);
    expect([...CHECK_GROUPS, ...SMOKE_CHECK_GROUPS]).toContain(check.group);
    expect(check.title.length).toBeGreaterThan(5);
    expect(check.hint.length).toBeGreaterThan(10);
  });

  it('finds checks by id and nothing else', () => {
    expect(checkById('expired')?.id).toBe('expired');
    expect(checkById('toString')).toBeUndefined();
    expect(checkById('__proto__')).toBeUndefined();
  });
});

describe('zoomsig check\'s registry', () => {
  it('has one check per id, in id order, credentials then endpoint', () => {
    expect(CREDENTIAL_CHECKS.map((check) => check.id)).toEqual([...CREDENTIAL_CHECK_IDS]);
    expect(ENDPOINT_CHECKS.map((check) => check.id)).toEqual([...ENDPOINT_CHECK_IDS]);
    expect(SMOKE_CHECKS.map((check) => check.id)).toEqual([...SMOKE_CHECK_IDS]);
    for (const check of CREDENTIAL_CHECKS) expect(check.group).toBe('Credentials');
    for (const check of ENDPOINT_CHECKS) expect(check.group).toBe('Endpoint');
  });

  it('shares no id with the token checks', () => {
    expect(new Set(ALL_IDS).size).toBe(ALL_IDS.length);
    expect(ALL_IDS).toEqual([...CHECK_IDS, ...SMOKE_CHECK_IDS]);
  });

  it('finds every check by id, whichever registry, and nothing else', () => {
    expect(smokeCheckById('cors-preflight')?.id).toBe('cors-preflight');
    expect(smokeCheckById('expired')).toBeUndefined();
    expect(anyCheckById('expired')?.id).toBe('expired');
    expect(anyCheckById('credential-quotes')?.id).toBe('credential-quotes');
    for (const id of ['toString', '__proto__', 'constructor']) expect(anyCheckById(id)).toBeUndefined();
  });
});

describe('parity: checks, docs pages, fixtures', () => {
  it.each(ALL_IDS.map((id) => [id]))('%s has a page that agrees with the check', (id) => {
    const page = readFileSync(new URL(`${id}.md`, docsDir), 'utf8');
    const [heading, blank, summary] = page.split('\n');
    const check = anyCheckById(id);
    if (check === undefined) throw new Error(`no check ${id}`);
    expect(heading).toBe(`# ${id}`);
    expect(blank).toBe('');
    expect(summary).toBe(`> **${check.severity}** · ${check.group} · ${check.title}`);
    for (const section of ['## Why Zoom rejects it', '## How to fix it', '## Example']) expect(page).toContain(section);
    expect(docsRef(id)).toMatchObject({ command: `zoomsig explain ${id}`, page: `docs/checks/${id}.md` });
  });

  it('every page names a registered check', () => {
    for (const page of pages) expect(ALL_IDS).toContain(page.replace(/\.md$/, ''));
    expect(pages.length).toBe(ALL_IDS.length);
  });

  it.each(CHECK_IDS.map((id) => [id]))('%s is expected by at least one token fixture', (id) => {
    expect(fixtureIds.has(id)).toBe(true);
  });

  it.each(CREDENTIAL_CHECK_IDS.map((id) => [id]))('%s is expected by at least one credentials fixture', (id) => {
    expect(credentialFixtures.some(([, fixture]) => fixture.expect.ids.includes(id))).toBe(true);
  });

  it.each(ENDPOINT_CHECK_IDS.map((id) => [id]))('%s is expected by at least one endpoint fixture', (id) => {
    expect(endpointFixtures.some(([, fixture]) => fixture.expect.findings.some((finding) => finding.id === id))).toBe(true);
  });

  it('the README check list links every page', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const id of ALL_IDS) expect(readme).toContain(`[\`${id}\`](docs/checks/${id}.md)`);
  });

  it('the checks index lists every page', () => {
    const index = readFileSync(new URL('README.md', docsDir), 'utf8');
    for (const id of ALL_IDS) expect(index).toContain(`(${id}.md)`);
  });
});
