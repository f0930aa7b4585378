import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeToken, verifyToken } from '../../src/index.js';

const seg = (data: string | Buffer): string => Buffer.from(data).toString('base64url');
const HEADER = seg('{"alg":"HS256","typ":"JWT"}');
const SIG = seg(Buffer.alloc(32, 7));

let nested = '"x"';
for (let depth = 0; depth < 5000; depth += 1) nested = `{"a":${nested}}`;

const inputs: [string, unknown][] = [
  ['empty', ''],
  ['whitespace', ' \t\r\n  \n'],
  ['1 MB of "a"', 'a'.repeat(1 << 20)],
  ['1 MB random latin1', randomBytes(1 << 20).toString('latin1')],
  ['NULs', `eyJ\0.eyJ\0.\0\0`],
  ['dots only', '...'],
  ['a.b.c', 'a.b.c'],
  ['eyJ.eyJ.', 'eyJ.eyJ.'],
  ['JSON {}', '{}'],
  ['signature is a number', '{"signature":5}'],
  ['deeply nested JSON', nested],
  ['deeply nested arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
  ['invalid UTF-8 payload', `${HEADER}.${seg(Buffer.from([0xff, 0xfe, 0x7b, 0xc3, 0x28]))}.${SIG}`],
  ['payload is an array', `${HEADER}.${seg('[1,2,3]')}.${SIG}`],
  ['payload is a number', `${HEADER}.${seg('42')}.${SIG}`],
  ['payload is null', `${HEADER}.${seg('null')}.${SIG}`],
  ['header is a string', `${seg('"HS256"')}.${seg('{"appKey":"k"}')}.${SIG}`],
  ['huge claim values', `${HEADER}.${seg(JSON.stringify({ appKey: 'k'.repeat(40_000), iat: 1e308, exp: -1e308, mn: [] }))}.${SIG}`],
  ['many dots', '.'.repeat(60_000)],
  ['many quotes', '"'.repeat(60_000)],
  ['Bearer repeated', 'Bearer '.repeat(10_000)],
  ['line breaks every char', 'eyJ\n'.repeat(10_000)],
  ['ten thousand tokens, one a word', `${HEADER}.${seg('{"a":1}')}.${SIG} `.repeat(10_000)],
  ['100,000 words of prose', 'word '.repeat(100_000)],
  ['a URL of 50,000 parameters', `https://example.com/?${'signature=&'.repeat(50_000)}`],
  ['undefined', undefined],
  ['null', null],
  ['number', 42],
  ['object', {}],
];

describe('decodeToken and verifyToken never throw', () => {
  it.each(inputs)('%s', async (_name, input) => {
    const started = performance.now();
    const decoded = decodeToken(input);
    expect(decoded.kind).toBeTypeOf('string');
    const result = await verifyToken(input as string, { secrets: ['FakeClientSecret0123456789abcdef'], now: 1767225600 });
    expect(result.ok).toBe(false);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
