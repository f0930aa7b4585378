import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeToken, diagnoseToken, verifyToken, type DoctorOptions } from '../../src/index.js';

interface Fixture {
  description: string;
  input: string;
  now: number;
  options?: Omit<DoctorOptions, 'now'>;
  expect: { kind: string; format: string; ids: string[]; ok: boolean };
}

const dir = new URL('../../fixtures/tokens/', import.meta.url);
export const fixtures = readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => [file.replace(/\.json$/, ''), JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Fixture] as const);

describe('fixtures/tokens', () => {
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThanOrEqual(70));

  it.each(fixtures)('%s', async (_name, fixture) => {
    const decoded = decodeToken(fixture.input);
    expect({ kind: decoded.kind, format: decoded.format }).toEqual({
      kind: fixture.expect.kind,
      format: fixture.expect.format,
    });
    const diagnosis = await diagnoseToken(fixture.input, { ...fixture.options, now: fixture.now });
    const ids = [...new Set(diagnosis.findings.map((finding) => finding.id))].sort();
    const ok = diagnosis.verdict !== 'fail' && diagnosis.signature.valid;
    expect({ ids, ok }).toEqual({ ids: fixture.expect.ids, ok: fixture.expect.ok });
  });

  // verify is doctor without the join context: the same answer where the fixture needs none of it.
  const verifiable = fixtures.filter(
    ([, f]) => !f.options?.join && !f.options?.answers && f.options?.meeting === undefined && f.options?.role === undefined,
  );
  it.each(verifiable)('%s: verifyToken agrees', async (_name, fixture) => {
    const { join: _join, meeting: _meeting, role: _role, error: _error, answers: _answers, ...options } = fixture.options ?? {};
    const result = await verifyToken(fixture.input, { secrets: [], ...options, now: fixture.now });
    const ids = [...new Set(result.findings.map((finding) => finding.id))].sort();
    expect({ ids, ok: result.ok }).toEqual({ ids: fixture.expect.ids, ok: fixture.expect.ok });
  });
});
