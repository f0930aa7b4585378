/**
 * Signing and checking through jose: what jose refuses to read is said, never
 * taken for a mismatch or a match; the library's signing API is asynchronous;
 * every token is checked here by hand with node:crypto.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { diagnoseToken, signHs256, verifyToken, ZoomsigError } from '../../src/index.js';
import { independentlyValid, signedByHand } from './support/hand-checked-jwt.js';

const NOW = 1_767_225_600;
const KEY = 'FakeClientId0123456789';
const SECRET = 'FakeClientSecret0123456789abcdef';
const claims = { appKey: KEY, sdkKey: KEY, mn: '85746065012', role: 0, iat: NOW - 30, exp: NOW + 7170, tokenExp: NOW + 7170 };

const encode = (value: unknown, encoding: 'base64' | 'base64url'): string => Buffer.from(JSON.stringify(value)).toString(encoding);
const sign = (input: string, secret = SECRET): string => signedByHand(input, secret);

describe('signHs256', () => {
  it('resolves to a JWT with the header and claims in order, right by hand, for a string or bytes', async () => {
    const fromString = signHs256(claims, SECRET);
    expect(fromString).toBeInstanceOf(Promise);
    const token = await fromString;
    expect(independentlyValid(token, SECRET)).toBe(true);
    expect(token.split('.').slice(0, 2)).toEqual([encode({ alg: 'HS256', typ: 'JWT' }, 'base64url'), encode(claims, 'base64url')]);
    expect(await signHs256(claims, new TextEncoder().encode(SECRET))).toBe(token);
  });

  it('signs right with each of many secrets, over the key cache and past its size', async () => {
    const secrets = Array.from({ length: 40 }, (_, index) => `${SECRET}-${index % 20}`);
    const tokens = await Promise.all(secrets.map((secret) => signHs256(claims, secret)));
    tokens.forEach((token, index) => expect(independentlyValid(token, secrets[index] ?? '')).toBe(true));
    expect(new Set(tokens).size).toBe(20);
  });

  it('rejects an empty secret with a ZoomsigError, as WebCrypto takes no empty HMAC key', async () => {
    await expect(signHs256(claims, '')).rejects.toBeInstanceOf(ZoomsigError);
    await expect(signHs256(claims, new Uint8Array(0))).rejects.toThrow(/secret is empty/);
  });
});

describe('checking with jose', () => {
  it('says a payload in standard base64 with "/" could not be checked, whatever the secret, and never that it matched', async () => {
    // "???" puts a "?" (0x3f) at a third byte, which standard base64 writes as "/".
    const payload = encode({ ...claims, note: '???' }, 'base64');
    expect(payload).toMatch(/[+/]/);
    const token = sign(`${encode({ alg: 'HS256', typ: 'JWT' }, 'base64url')}.${payload}`);
    for (const secret of [SECRET, `${SECRET}x`]) {
      const diagnosis = await diagnoseToken(token, { now: NOW, secrets: [secret] });
      expect(diagnosis.signature).toMatchObject({ checked: false, valid: false, unreadable: expect.stringMatching(/payload is in standard base64/) });
      expect(diagnosis.findings.map((finding) => finding.id)).toEqual(['base64-not-url-safe', 'signature-unverified']);
      expect(diagnosis.findings[1]?.message).toMatch(/^A secret was given, but the signature could not be checked with it: the payload/);
      const verified = await verifyToken(token, { now: NOW, secrets: [secret] });
      expect(verified.ok).toBe(false);
      expect(verified.signature).toMatchObject({ checked: false, valid: false, unreadable: expect.any(String) });
    }
  });

  it('says a header whose "crit" jose must refuse could not be checked (ERR_JOSE_NOT_SUPPORTED)', async () => {
    const token = sign(`${encode({ alg: 'HS256', typ: 'JWT', crit: ['zoom'], zoom: 1 }, 'base64url')}.${encode(claims, 'base64url')}`);
    const diagnosis = await diagnoseToken(token, { now: NOW, secrets: [SECRET] });
    expect(diagnosis.signature).toMatchObject({ checked: false, valid: false, unreadable: expect.stringMatching(/"crit"/) });
    expect(diagnosis.signature.matched).toBeUndefined();
  });

  it('still compares a signature part in padded standard base64, and says the secret is right', async () => {
    const input = `${encode({ alg: 'HS256', typ: 'JWT' }, 'base64url')}.${encode(claims, 'base64url')}`;
    const token = `${input}.${createHmac('sha256', SECRET).update(input).digest('base64')}`;
    const right = await diagnoseToken(token, { now: NOW, secrets: [SECRET] });
    expect(right.signature).toMatchObject({ checked: true, valid: false, matched: { index: 0 } });
    const wrong = await diagnoseToken(token, { now: NOW, secrets: [`${SECRET}x`] });
    expect(wrong.signature).toMatchObject({ checked: true, valid: false });
    expect(wrong.signature.matched).toBeUndefined();
  });
});
