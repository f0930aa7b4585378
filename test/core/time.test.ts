import { describe, expect, it } from 'vitest';
import { ZoomsigError } from '../../src/index.js';
import { formatDuration, formatRelative, isoFromSeconds, parseClock, parseDuration } from '../../src/core/time.js';

const NOW = 1767225600;

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [45, '45s'],
    [59.6, '1m'],
    [60, '1m'],
    [90, '1m 30s'],
    [1800, '30m'],
    [3600, '1h'],
    [3661, '1h 1m'],
    [7140, '1h 59m'],
    [7200, '2h'],
    [86_400, '1d'],
    [172_800, '2d'],
    [266_400, '3d 2h'],
    [365 * 86_400, '1y'],
    [-90, '1m 30s'],
  ])('%s s → %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});

describe('formatRelative', () => {
  it.each([
    [NOW + 7140, 'in 1h 59m'],
    [NOW - 3 * 86_400, '3d ago'],
    [NOW - 45, '45s ago'],
    [NOW, 'now'],
  ])('%s → %s', (seconds, text) => expect(formatRelative(seconds, NOW)).toBe(text));
});

describe('parseDuration', () => {
  it.each([
    ['7200', 7200],
    ['7200s', 7200],
    ['2h', 7200],
    [' 2H ', 7200],
    ['90m', 5400],
    ['30min', 1800],
    ['1h30m', 5400],
    ['1h 30m', 5400],
    ['1d', 86_400],
    ['2d', 172_800],
  ])('%j → %s', (text, seconds) => expect(parseDuration(text)).toBe(seconds));

  it.each(['', 'abc', '2 hours', '-5', '1.5h', 'h', '2h2d'])('rejects %j', (text) => {
    expect(() => parseDuration(text)).toThrow(ZoomsigError);
    expect(() => parseDuration(text)).toThrow(/2h, 90m, 1h30m or a number of seconds/);
  });
});

describe('parseClock', () => {
  it.each([
    ['1767225600', NOW],
    [' 1767225600 ', NOW],
    ['0', 0],
    ['1767225600000', NOW],
    ['1767225600999', NOW],
    ['2026-01-01T00:00:00Z', NOW],
    ['2026-01-01T00:00:00.750Z', NOW],
    ['2026-01-01T01:00:00+01:00', NOW],
    ['2026-01-01', NOW],
    // No offset: UTC, whatever the machine's time zone.
    ['2026-01-01T00:00:00', NOW],
    ['2026-01-01T00:00', NOW],
    ['2026-01-01 00:00:00', NOW],
    ['2026-01-01T00:00:00.500', NOW],
  ])('%j → %s', (text, seconds) => expect(parseClock(text)).toBe(seconds));

  it('reads a date-time without an offset as UTC in any time zone', async () => {
    const { execFileSync } = await import('node:child_process');
    const script = `import('${new URL('../../dist/core/time.js', import.meta.url).href}').then((m) => console.log(m.parseClock('2026-01-01T00:00:00')))`;
    for (const tz of ['UTC', 'America/New_York', 'Asia/Kolkata']) {
      expect(execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' }).trim()).toBe(String(NOW));
    }
  });

  it.each(['', 'yesterday', '2026-13-45', '-1', '1e9'])('rejects %j', (text) => {
    expect(() => parseClock(text)).toThrow(ZoomsigError);
    expect(() => parseClock(text)).toThrow(/Unix seconds .* or an ISO 8601 date/);
  });
});

describe('isoFromSeconds', () => {
  it('writes what toISOString() writes (without ".000"), over the whole range a Date takes', () => {
    const samples = [0, 1, -1, NOW, NOW + 0.5, NOW + 0.001, 253402300799, 253402300800, -62167219200, -62167219201, 8.64e12, -8.64e12, 1e11 + 0.123];
    // A spread of values, the same every run: a few thousand seconds across the range of a Date.
    for (let index = 0; index < 4000; index += 1) samples.push(Math.round(Math.sin(index) * 8.64e12) / (index % 3 === 0 ? 1000 : 1));
    for (const seconds of samples) {
      expect(isoFromSeconds(seconds), String(seconds)).toBe(new Date(seconds * 1000).toISOString().replace('.000Z', 'Z'));
    }
  });

  it('is undefined out of range or for what is not a number of seconds', () => {
    for (const seconds of [8.64e12 + 1, -8.64e12 - 1, Number.NaN, Number.POSITIVE_INFINITY]) expect(isoFromSeconds(seconds)).toBeUndefined();
  });
});
