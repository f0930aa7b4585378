/**
 * The secrets' checks: they run together, and the answer is still the one
 * the checks in turn would give (the first secret, then the first mistake,
 * in their order). Tokens are signed by hand with node:crypto (support/hand-checked-jwt.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeToken } from '../../src/index.js';
import { analyseSignature } from '../../src/core/signature-analysis.js';
import { signedByHand } from './support/hand-checked-jwt.js';

const NOW = 1_767_225_600;
const KEY = 'FakeClientId0123456789';
const SECRET = 'FakeClientSecret0123456789abcdef';
const claims = { appKey: KEY, sdkKey: KEY, mn: '85746065012', role: 0, iat: NOW - 30, exp: NOW + 7170, tokenExp: NOW + 7170 };
const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const signed = (secret: string): string => signedByHand(`${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`, secret);
const secrets = (...values: string[]) => values.map((value, index) => ({ label: `--secret #${index + 1}`, value }));

/** The most WebCrypto verifications that were under way at once while `work` ran. */
async function mostAtOnce(work: () => Promise<unknown>): Promise<number> {
  const subtle = globalThis.crypto.subtle;
  const verify = subtle.verify.bind(subtle);
  let running = 0;
  let most = 0;
  vi.spyOn(subtle, 'verify').mockImplementation(async (algorithm, key, signature, data) => {
    running += 1;
    most = Math.max(most, running);
    try {
      return await verify(algorithm, key, signature, data);
    } finally {
      running -= 1;
    }
  });
  await work();
  return most;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('analyseSignature', () => {
  it('names the first secret that matches, in the order given', async () => {
    const analysis = await analyseSignature(decodeToken(signed(SECRET)), secrets('WrongSecret', SECRET, SECRET));
    expect(analysis).toMatchObject({ checked: true, valid: true, matched: { label: '--secret #2', index: 1 } });
  });

  it('on a mismatch, names the first mistake that matches, in the order tried', async () => {
    // Signed with the secret plus a newline: "plus a trailing newline" of the first
    // secret matches, and so does the second secret's (it is the first, trimmed).
    const analysis = await analyseSignature(decodeToken(signed(`${SECRET}\n`)), secrets(SECRET, `${SECRET}\r`));
    expect(analysis.matched).toBeUndefined();
    expect(analysis.diagnosis).toMatchObject({ id: 'secret-whitespace', description: 'your secret plus a trailing newline', secret: { label: '--secret #1' } });
  });

  it('finds nothing, having tried every mistake, when no variant matches', async () => {
    const analysis = await analyseSignature(decodeToken(signed('AnotherSecretAltogether')), secrets(SECRET));
    expect(analysis).toMatchObject({ checked: true, valid: false });
    expect(analysis.diagnosis).toBeUndefined();
  });

  it('checks the mistakes together, not one after another', async () => {
    const most = await mostAtOnce(() => analyseSignature(decodeToken(signed('AnotherSecretAltogether')), secrets(SECRET)));
    expect(most).toBeGreaterThan(1);
  });

  it('checks the secrets given together too', async () => {
    const most = await mostAtOnce(() => analyseSignature(decodeToken(signed(SECRET)), secrets('WrongOne', 'WrongTwo', SECRET)));
    expect(most).toBe(3);
  });
});
