/**
 * Hostile tokens through the library: nesting past the depth limit is a
 * malformed-token finding (never a stack overflow), a key named twice is
 * duplicate-json-key, a signature with its spare bits set is
 * non-canonical-signature and does not verify. Every result serialises.
 * Tokens are built here with node:crypto, independently of src/.
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanInput, decodeToken, diagnoseToken, generateSignature, parseJoinContext, verifyToken } from '../../src/index.js';
import { duplicateKeysOf, MAX_JSON_DEPTH, scanJson } from '../../src/core/json-value.js';
import { isZoomsigError } from '../../src/core/errors.js';
import { signedByHand } from './support/hand-checked-jwt.js';

const NOW = 1_767_225_600;
const KEY = 'FakeClientId0123456789';
const SECRET = 'FakeClientSecret0123456789abcdef';
const seg = (text: string): string => Buffer.from(text).toString('base64url');
const HS256 = '{"alg":"HS256","typ":"JWT"}';
const PAYLOAD = `{"appKey":"${KEY}","sdkKey":"${KEY}","mn":"85746065012","role":0,"iat":${NOW - 30},"exp":${NOW + 7170},"tokenExp":${NOW + 7170}}`;

/** An HS256 token over header and payload text exactly as given. */
function sign(headerText: string, payloadText: string, secret = SECRET): string {
  return signedByHand(`${seg(headerText)}.${seg(payloadText)}`, secret);
}

const nestedArrays = (levels: number): string => `${'['.repeat(levels)}1${']'.repeat(levels)}`;
const nestedObjects = (levels: number): string => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const withClaim = (claimText: string): string => PAYLOAD.replace(/}$/, `,"x":${claimText}}`);

async function everyResult(token: string) {
  return {
    decoded: decodeToken(token),
    verified: await verifyToken(token, { secrets: [SECRET], now: NOW }),
    diagnosis: await diagnoseToken(token, { secrets: [SECRET], now: NOW }),
  };
}

describe('JSON nested past the limit', () => {
  const deep: [string, string][] = [
    ['a claim 5,000 arrays deep (13 KB)', sign(HS256, withClaim(nestedArrays(5000)))],
    ['a claim 5,000 objects deep', sign(HS256, withClaim(nestedObjects(5000)))],
    ['a header 5,000 levels deep', sign(`{"alg":"HS256","x":${nestedArrays(5000)}}`, PAYLOAD)],
    ['a payload that is 5,000 arrays', sign(HS256, nestedArrays(5000))],
  ];

  it.each(deep)('%s is malformed-token, and every result serialises', async (_name, token) => {
    const { decoded, verified, diagnosis } = await everyResult(token);
    expect(decoded.problems.map((problem) => problem.code)).toContain('too-deep');
    expect(verified.ok).toBe(false);
    expect(verified.findings.map((finding) => finding.id)).toContain('malformed-token');
    expect(diagnosis.findings.find((finding) => finding.id === 'malformed-token')?.message).toMatch(/nested more than 64 levels deep/);
    for (const result of [decoded, verified, diagnosis]) expect(() => JSON.stringify(result)).not.toThrow();
  });

  it('reads 64 levels, refuses 65', async () => {
    // The payload object is level 1: a claim of 63 arrays makes 64.
    const atLimit = await verifyToken(sign(HS256, withClaim(nestedArrays(MAX_JSON_DEPTH - 1))), { secrets: [SECRET], now: NOW });
    expect(atLimit.findings.map((finding) => finding.id)).not.toContain('malformed-token');
    expect(atLimit.decoded.payload?.x).toBeDefined();
    const over = decodeToken(sign(HS256, withClaim(nestedArrays(MAX_JSON_DEPTH))));
    expect(over.problems.map((problem) => problem.code)).toEqual(['too-deep']);
    expect(over.payload).toBeUndefined();
  });

  it('a deep JSON wrapper and a deep join() object get no further than the limit', () => {
    expect(() => JSON.stringify(cleanInput(`{"signature":${nestedObjects(5000)}}`))).not.toThrow();
    let thrown: unknown;
    try {
      parseJoinContext(`{"signature":${nestedArrays(5000)}}`, 'join.json');
    } catch (error) {
      thrown = error;
    }
    expect(isZoomsigError(thrown) && thrown.code === 'UNREADABLE_INPUT').toBe(true);
    expect((thrown as Error).message).toMatch(/^join\.json is not JSON \(nested more than 64 levels deep\)/);
  });

  it('scanJson stops at the limit and never recurses, whatever the text', () => {
    expect(scanJson(nestedArrays(1_000_000))).toMatchObject({ tooDeep: true, depth: MAX_JSON_DEPTH + 1 });
    expect(scanJson('"[[[[[[" ').depth).toBe(0);
    expect(scanJson('{"a\\"[":[1]}').depth).toBe(2);
    expect(scanJson('{"a":1,"b":{"c":1,"c":2},"a":3}').duplicateKeys.sort()).toEqual(['a', 'b.c']);
  });

  it('duplicateKeysOf finds what scanJson finds, compact, pretty-printed or with keys named twice', () => {
    // Members from a few keys, so that some objects name one twice; values that nest objects of their own.
    const member = fc.tuple(fc.constantFrom('a', 'alg', 'b', '\u00e9', 'a"b'), fc.jsonValue({ maxDepth: 3 }));
    const text = fc.oneof(
      fc.array(member, { maxLength: 6 }).map((members) => `{${members.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')}}`),
      fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
      fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value, null, 2)),
    );
    fc.assert(
      fc.property(text, (json) => {
        expect(duplicateKeysOf(json, JSON.parse(json))).toEqual(scanJson(json).duplicateKeys);
      }),
      { numRuns: 3_000 },
    );
  });
});

describe('duplicate-json-key', () => {
  const dupHeader: [string, string][] = [
    ['"none" then "HS256"', '{"alg":"none","alg":"HS256","typ":"JWT"}'],
    ['"HS256" then "none"', '{"alg":"HS256","alg":"none","typ":"JWT"}'],
    ['"HS256" twice', '{"alg":"HS256","typ":"JWT","alg":"HS256"}'],
    ['the second spelled with an escape', '{"alg":"none","\\u0061lg":"HS256","typ":"JWT"}'],
  ];

  it.each(dupHeader)('a header naming alg twice (%s) is a finding and never verifies', async (_name, headerText) => {
    const result = await verifyToken(sign(headerText, PAYLOAD), { secrets: [SECRET], now: NOW });
    expect(result.ok).toBe(false);
    expect(result.findings).toContainEqual(expect.objectContaining({ id: 'duplicate-json-key', severity: 'error', claim: 'header.alg' }));
  });

  it('a claim named twice, and a key twice inside a claim, are named by their path', async () => {
    const token = sign(HS256, PAYLOAD.replace(/}$/, ',"role":1,"user":{"name":"a","name":"b"}}'));
    const { findings } = await diagnoseToken(token, { secrets: [SECRET], now: NOW });
    const claims = findings.filter((finding) => finding.id === 'duplicate-json-key').map((finding) => finding.claim);
    expect(claims.sort()).toEqual(['role', 'user.name']);
  });

  it('the same key in two objects is no duplicate', async () => {
    const token = sign(HS256, PAYLOAD.replace(/}$/, ',"a":{"k":1},"b":{"k":2}}'));
    expect(decodeToken(token).duplicateKeys).toEqual([]);
  });
});

describe('non-canonical-signature: …U verifies, …V does not', () => {
  /** A signature of zoomsig's own whose last character is `last` (one with both spare bits zero). */
  async function tokenEndingIn(last: string): Promise<string> {
    for (let minute = 0; minute < 2000; minute += 1) {
      const { signature } = await generateSignature({ sdk: 'meeting', key: KEY, secret: SECRET, meetingNumber: '85746065012', role: 0, now: NOW + minute * 60 });
      if (signature.endsWith(last)) return signature;
    }
    throw new Error(`no signature ending in ${last}`);
  }

  it('the four texts of one HMAC: only the canonical one verifies, and the rule is judged on the text', async () => {
    const canonical = await tokenEndingIn('U');
    const [header = '', payload = '', mac = ''] = canonical.split('.');
    // Independent HMAC: the token is right.
    expect(mac).toBe(createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url'));
    const now = (JSON.parse(Buffer.from(payload, 'base64url').toString()) as { iat: number }).iat + 30;
    expect((await verifyToken(canonical, { secrets: [SECRET], now })).ok).toBe(true);

    for (const last of ['V', 'W', 'X']) {
      const altered = `${canonical.slice(0, -1)}${last}`;
      // The same 32 bytes to a lenient decoder (Buffer's, and most others).
      expect(Buffer.from(altered.split('.')[2] ?? '', 'base64url')).toEqual(Buffer.from(mac, 'base64url'));
      const result = await verifyToken(altered, { secrets: [SECRET], now });
      expect(result.ok).toBe(false);
      expect(result.signature).toMatchObject({ checked: true, valid: false });
      const diagnosis = await diagnoseToken(altered, { secrets: [SECRET], now });
      // The HMAC matched: refused for the text, whichever decoder made the bytes.
      expect(diagnosis.signature.matched?.label).toBe('secret #1');
      expect(diagnosis.findings.map((finding) => finding.id)).toEqual(['non-canonical-signature']);
      expect(diagnosis.findings[0]?.message).toContain(`ends in "${last}"`);
      expect(diagnosis.findings[0]?.message).toContain('an encoder writes "U" there');
    }
  });

  it('is found without a secret too, and says nothing of a canonical signature', async () => {
    const canonical = await tokenEndingIn('U');
    expect(decodeToken(canonical).segments.every((segment) => segment.canonical)).toBe(true);
    const altered = decodeToken(`${canonical.slice(0, -1)}V`);
    expect(altered.segments.find((segment) => segment.name === 'signature')?.canonical).toBe(false);
    const { findings } = await diagnoseToken(`${canonical.slice(0, -1)}V`, { now: NOW, ignoreExp: true });
    expect(findings.map((finding) => finding.id)).toContain('non-canonical-signature');
  });
});

describe('claims that are objects named like Object.prototype', () => {
  it('{"role":{"toString":1}} and a join() role like it are findings, not a TypeError from Number()', async () => {
    const evil = '{"toString":1,"valueOf":1}';
    const token = sign(HS256, PAYLOAD.replace('"role":0', `"role":${evil}`));
    const join = parseJoinContext(`{"role":${evil},"meetingNumber":${evil},"sdkKey":${evil}}`, 'join.json');
    const diagnosis = await diagnoseToken(token, { secrets: [SECRET], now: NOW, role: 1, meeting: '85746065012', join, key: KEY });
    expect(diagnosis.findings.map((finding) => finding.id)).toContain('invalid-role');
    expect(() => JSON.stringify(diagnosis)).not.toThrow();
  });
});
