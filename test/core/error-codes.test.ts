import { describe, expect, it } from 'vitest';
import { CHECK_IDS, findErrorCode, rankFindings, ZOOM_ERROR_CODES, type Finding } from '../../src/index.js';
import { codesForCheck, unseenCauses } from '../../src/core/error-codes.js';

/** Every code of the domain brief's section 5, web and native. */
const BRIEF_CODES = [
  '3704', '3705', '3706', '3707', '3708', '3709', '3710', '3711', '3712', '3713', '200', '1', '3001', '3610', '3008',
  '3004', '3099', '124', '4011', '4012', '4013', '4014', '4015', 'JWTTOKENWRONG', '11', 'KEYORSECRETWRONG', '2',
  'AUTHRET_TOKENWRONG', '5', '63', '500', '506',
];

const finding = (id: Finding['id'], severity: Finding['severity'] = 'error'): Finding => ({ id, severity, message: id });

describe('Zoom error codes', () => {
  it.each(BRIEF_CODES.map((code) => [code]))('knows %s', (code) => {
    const entry = findErrorCode(code);
    expect(entry?.meaning.length).toBeGreaterThan(5);
    expect(entry?.causes.length).toBeGreaterThan(0);
  });

  it('answers in any case and with spaces around', () => {
    expect(findErrorCode(' jwttokenwrong ')).toBe(findErrorCode('JWTTOKENWRONG'));
    expect(findErrorCode('authret_tokenwrong')?.platform).toBe('Native SDKs');
    expect(findErrorCode('9999')).toBeUndefined();
  });

  it('gives each code to one entry only', () => {
    const codes = ZOOM_ERROR_CODES.flatMap((entry) => entry.codes);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('names only registered checks', () => {
    for (const entry of ZOOM_ERROR_CODES) {
      for (const cause of entry.causes) for (const id of cause.checks) expect(CHECK_IDS).toContain(id);
    }
  });

  it('ranks 3712 as the brief does: wrong app first, and the causes no token shows', () => {
    const entry = findErrorCode('3712');
    expect(entry?.causes[0]?.cause).toMatch(/wrong app/i);
    const unseen = unseenCauses(entry ?? { codes: [], platform: 'Web SDK', meaning: '', causes: [] }).map((c) => c.cause);
    expect(unseen.join('\n')).toMatch(/Server-to-Server OAuth/);
    expect(unseen.join('\n')).toMatch(/2026-03-02/);
    expect(unseen.join('\n')).toMatch(/SDK version|5\.0\.0/);
  });

  it('every check but the informational ones explains some code', () => {
    for (const id of CHECK_IDS) if (id !== 'signature-unverified') expect(codesForCheck(id).length, id).toBeGreaterThan(0);
  });
});

describe('rankFindings', () => {
  it('puts the findings of the code\'s most frequent cause first, errors before warnings', () => {
    const findings = [finding('wrapped-input', 'info'), finding('expires-soon', 'warning'), finding('meeting-number-format'), finding('expired')];
    const expired = findErrorCode('3705');
    expect(rankFindings(findings, expired ?? ZOOM_ERROR_CODES[0]!).map((f) => f.id)).toEqual([
      'expired',
      'meeting-number-format',
      'expires-soon',
      'wrapped-input',
    ]);
    const wrongNumber = findErrorCode('3706');
    expect(rankFindings(findings, wrongNumber ?? ZOOM_ERROR_CODES[0]!).map((f) => f.id).slice(0, 2)).toEqual([
      'meeting-number-format',
      'expired',
    ]);
  });
});
