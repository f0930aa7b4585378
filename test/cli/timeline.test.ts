import { describe, expect, it } from 'vitest';
import { timelineLines } from '../../src/cli/render/timeline.js';

describe('timelineLines', () => {
  it('draws iat, now and exp along a bar, with now marked apart', () => {
    const [bar, labels] = timelineLines([
      { label: 'iat', at: 0 },
      { label: 'exp', at: 7200 },
      { label: 'now', at: 600 },
    ]);
    expect(bar).toHaveLength(48);
    expect(bar?.startsWith('●')).toBe(true);
    expect(bar?.endsWith('●')).toBe(true);
    expect(bar?.indexOf('▲')).toBe(Math.round((600 / 7200) * 47));
    expect(labels).toMatch(/^iat +now +exp$/);
  });

  it('joins points at the same place into one label', () => {
    const [, labels] = timelineLines([
      { label: 'iat', at: 0 },
      { label: 'exp', at: 7200 },
      { label: 'tokenExp', at: 7200 },
      { label: 'now', at: 9000 },
    ]);
    expect(labels).toContain('exp = tokenExp');
    expect(labels?.trimEnd().endsWith('now')).toBe(true);
  });

  it('never overlaps labels that crowd together', () => {
    const [, labels] = timelineLines([
      { label: 'iat', at: 0 },
      { label: 'now', at: 2000 },
      { label: 'exp', at: 100000 },
    ]);
    expect(labels).toMatch(/^iat now +exp$/);
  });

  it('draws a single point when everything is at one time, and nothing for no points', () => {
    expect(timelineLines([{ label: 'now', at: 5 }])).toEqual(['▲', 'now']);
    expect(timelineLines([])).toEqual([]);
  });
});
