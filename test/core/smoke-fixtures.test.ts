/**
 * fixtures/credentials and fixtures/endpoints: the checks of zoomsig check
 * over keys and secrets as found and over exchanges as recorded, with no
 * process and no network. Built by scripts/make-fixtures.mjs with node:crypto alone.
 */
import { describe, expect, it } from 'vitest';
import { checkCredentials, checkEndpoint } from '../../src/index.js';
import { credentialFixtures, endpointFixtures } from './support/smoke-fixtures.js';

describe('fixtures/credentials', () => {
  it.each(credentialFixtures)('%s', async (_name, fixture) => {
    const report = await checkCredentials(fixture.context, { now: fixture.now });
    const ids = [...new Set(report.findings.map((finding) => finding.id))].sort();
    expect({ ids, verdict: report.verdict }).toEqual(fixture.expect);
    // A finding of a credential check looks once: 1 of 1.
    for (const finding of report.findings) expect([finding.count, finding.total]).toEqual([1, 1]);
  });
});

describe('fixtures/endpoints', () => {
  it.each(endpointFixtures)('%s', async (_name, fixture) => {
    const report = await checkEndpoint(fixture.exchanges, fixture.probe, { ...fixture.options, now: fixture.now });
    const findings = report.findings.map(({ id, claim, count, total, requests }) => ({
      id,
      ...(claim !== undefined && { claim }),
      count,
      total,
      ...(requests !== undefined && count < total && { requests }),
    }));
    expect({ findings, verdict: report.verdict }).toEqual(fixture.expect);
  });
});
