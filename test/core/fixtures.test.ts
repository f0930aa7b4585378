import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeToken, verifyToken, type VerifyOptions } from '../../src/index.js';

interface Fixture {
  description: string;
  input: string;
  now: number;
  options?: Partial<Omit<VerifyOptions, 'now'>>;
  expect: { kind: string; format: string; ids: string[]; ok: boolean };
}

const dir = new URL('../../fixtures/tokens/', import.meta.url);
const fixtures = readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => [file.replace(/\.json$/, ''), JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Fixture] as const);

describe('fixtures/tokens', () => {
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThanOrEqual(40));

  it.each(fixtures)('%s', async (_name, fixture) => {
    const decoded = decodeToken(fixture.input);
    expect({ kind: decoded.kind, format: decoded.format }).toEqual({
      kind: fixture.expect.kind,
      format: fixture.expect.format,
    });
    const result = await verifyToken(fixture.input, { secrets: [], ...fixture.options, now: fixture.now });
    const ids = [...new Set(result.findings.map((finding) => finding.id))].sort();
    expect({ ids, ok: result.ok }).toEqual({ ids: fixture.expect.ids, ok: fixture.expect.ok });
  });
});
