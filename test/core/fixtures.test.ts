import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeToken, diagnoseToken, verifyToken, type DoctorOptions } from '../../src/index.js';

interface Fixture {
  description: string;
  /** What Zoom's SDK code does that the expected severity rests on. */
  note?: string;
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

// Severities that rest on what Zoom's SDK code does (docs/zoom-signatures.md, section 7) say so in the fixture.
const SDK_EVIDENCE_IDS = ['native-token-for-web', 'join-meeting-number-format', 'zak-with-obf-token', 'api-key-in-join', 'sdk-key-join-mismatch'];

describe('fixtures of the rules from Zoom\'s SDK code', () => {
  it.each(SDK_EVIDENCE_IDS.map((id) => [id]))('every fixture expecting %s carries the SDK evidence in its note', (id) => {
    const expecting = fixtures.filter(([, fixture]) => fixture.expect.ids.includes(id));
    expect(expecting.length).toBeGreaterThan(0);
    for (const [name, fixture] of expecting) expect({ name, note: fixture.note ?? '' }).toEqual({ name, note: expect.stringMatching(/SDK|sdk/) });
  });
});
