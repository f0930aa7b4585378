/** The counted message of check's findings, as text, annotations and JUnit show it. */
import { describe, expect, it } from 'vitest';
import { countedMessage, requestsText } from '../../src/cli/render/check-report.js';
import type { CountedFinding } from '../../src/index.js';

const finding = (more: Partial<CountedFinding> & { requests?: number[]; sdks?: ('meeting' | 'video')[] }): Parameters<typeof countedMessage>[0] => ({
  id: 'expired',
  severity: 'error',
  message: 'exp was 2026-01-01T01:59:30Z.',
  count: 1,
  total: 1,
  unit: 'signatures',
  ...more,
} as Parameters<typeof countedMessage>[0]);

describe('countedMessage', () => {
  it.each([
    ['a finding seen once', finding({}), 'exp was 2026-01-01T01:59:30Z.'],
    ['some of many signatures', finding({ count: 3, total: 20 }), '3 of 20 signatures: exp was 2026-01-01T01:59:30Z.'],
    ['every request', finding({ count: 4, total: 4, unit: 'requests' }), '4 of 4 requests: exp was 2026-01-01T01:59:30Z.'],
    ['one SDK\'s token', finding({ sdks: ['video'], total: 2 }), 'Video SDK token: exp was 2026-01-01T01:59:30Z.'],
    ['both SDKs\' tokens', finding({ sdks: ['meeting', 'video'], count: 2, total: 2 }), 'Meeting SDK and Video SDK tokens: exp was 2026-01-01T01:59:30Z.'],
  ])('%s', (_name, input, expected) => {
    expect(countedMessage(input)).toBe(expected);
  });
});

describe('requestsText', () => {
  it('names the requests when some showed it, not when all did', () => {
    expect(requestsText(finding({ count: 1, total: 3, requests: [2] }))).toBe('request 2');
    expect(requestsText(finding({ count: 3, total: 3, requests: [1, 2, 3] }))).toBeUndefined();
    const many = Array.from({ length: 25 }, (_, index) => index + 1);
    expect(requestsText(finding({ count: 25, total: 30, requests: many }))).toBe(`requests ${many.slice(0, 20).join(', ')}, …`);
  });
});
