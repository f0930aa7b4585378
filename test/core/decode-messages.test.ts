/**
 * What decodeToken says of pastes that hold a token and something else: two
 * tokens (it does not guess which is meant), and a token with a full stop.
 */
import { describe, expect, it } from 'vitest';
import { decodeToken } from '../../src/index.js';

const seg = (data: string): string => Buffer.from(data).toString('base64url');
const token = (payload: object): string => `${seg('{"alg":"HS256","typ":"JWT"}')}.${seg(JSON.stringify(payload))}.${seg('0123456789abcdef0123456789abcdef')}`;
const A = token({ appKey: 'FakeClientId0123456789', mn: '85746065012', role: 0 });
const B = token({ appKey: 'FakeClientId0123456789', mn: '85746065012', role: 1 });

describe('several tokens', () => {
  it('names the lines they are on, and reads neither', () => {
    const decoded = decodeToken(`${A}\n${B}\n`);
    expect(decoded.format).toBe('unknown');
    expect(decoded.payload).toBeUndefined();
    expect(decoded.problems).toEqual([
      { code: 'several-tokens', message: 'The input holds 2 tokens, not one (on lines 1 and 2): zoomsig does not guess which one your app passes to join().' },
    ]);
  });

  it('names the words when they share a line', () => {
    expect(decodeToken(`prod: ${A} dev: ${B}`).problems[0]?.message).toMatch(/^The input holds 2 tokens, not one \(words 2 and 4\)/);
  });
});

describe('a full stop after the signature', () => {
  it('says what the fourth, empty part is', () => {
    const decoded = decodeToken(`${A}.`);
    expect(decoded.problems[0]?.message).toBe(
      'A JWT has three parts separated by dots (header.payload.signature); this has 4, the last one empty: it ends with a "." after the signature (a full stop copied with it?). Take that "." off.',
    );
    expect(decoded.payload).toMatchObject({ role: 0 });
  });

  it('counts the parts plainly otherwise', () => {
    expect(decodeToken(`${A}.x`).problems[0]?.message).toBe('A JWT has three parts separated by dots (header.payload.signature); this has 4.');
  });
});
