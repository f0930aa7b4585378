import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cleanInput } from '../../src/index.js';

const seg = (text: string): string => Buffer.from(text).toString('base64url');
const JWT = `${seg('{"alg":"HS256","typ":"JWT"}')}.${seg('{"appKey":"FakeClientId0123456789","mn":"85746065012"}')}.${seg('0123456789abcdef0123456789abcdef')}`;

// The retired web signature, padded standard base64 ending in "=".
const legacyHash = createHmac('sha256', 'FakeJwtAppApiSecret0123456789abc').update('msg').digest('base64');
const LEGACY = Buffer.from(`FakeJwtAppApiKey012345.85746065012.1767225570000.0.${legacyHash}`).toString('base64');
// A hand-rolled JWT in standard base64: "=" padding inside, before a dot.
const BTOA_JWT = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64')}.${Buffer.from('{"appKey":"FakeClientId0123456789","mn":"1"}').toString('base64')}.TzW+w0CD4uZEYThfoIjjGsO16/iOAVlZLfuWyyCuWzw=`;

const rows: [string, string, string, string[]][] = [
  ['clean token', JWT, JWT, []],
  ['curly quotes', `\u201C${JWT}\u201D`, JWT, ['smart-quotes', 'quotes']],
  ['a zero-width space inside', `${JWT.slice(0, 40)}\u200B${JWT.slice(40)}`, JWT, ['invisible-characters']],
  ['a byte order mark before, a word joiner after', `\uFEFF${JWT}\u2060`, JWT, ['invisible-characters']],
  ['no-break spaces around', `\u00A0${JWT}\u00A0`, JWT, ['invisible-characters', 'whitespace']],
  ['a JSON reply through a word processor', `{\u201Csignature\u201D: \u201C${JWT}\u201D}`, JWT, ['smart-quotes', 'json-object']],
  ['final newline only', `${JWT}\n`, JWT, []],
  ['surrounding white space', `  ${JWT}\t\n\n`, JWT, ['whitespace']],
  ['double quotes', `"${JWT}"`, JWT, ['quotes']],
  ['single quotes', `'${JWT}'`, JWT, ['quotes']],
  ['backticks', `\`${JWT}\``, JWT, ['quotes']],
  ['Bearer', `Bearer ${JWT}`, JWT, ['bearer-prefix']],
  ['bearer, lower case, tab', `bearer\t${JWT}`, JWT, ['bearer-prefix']],
  ['Authorization: Bearer', `Authorization: Bearer ${JWT}`, JWT, ['header-name', 'bearer-prefix']],
  ['AUTHORIZATION: BEARER, upper case', `AUTHORIZATION:BEARER ${JWT}`, JWT, ['header-name', 'bearer-prefix']],
  ['a token that starts with the letters of "bearer" is left alone', `bearer${JWT}`, `bearer${JWT}`, []],
  ['JSON reply', `{"signature":"${JWT}","sdkKey":"FakeClientId0123456789"}`, JWT, ['json-object']],
  ['JSON token field', `{ "token": "${JWT}" }`, JWT, ['json-object']],
  ['nested JSON', `{"data":{"result":{"sdkSignature":"${JWT}"}}}`, JWT, ['json-object']],
  ['JSON string literal with escapes', JSON.stringify(JWT).replace('.', '\\u002e'), JWT, ['json-string']],
  ['const assignment', `const signature = "${JWT}";`, JWT, ['assignment']],
  ['export assignment', `export ZOOM_SIGNATURE=${JWT}`, JWT, ['assignment']],
  ['object property', `signature: '${JWT}',`, JWT, ['assignment']],
  ['line breaks inside', `${JWT.slice(0, 30)}\n${JWT.slice(30, 70)}\r\n  ${JWT.slice(70)}`, JWT, ['line-breaks']],
  ['quoted, then Bearer', `"Bearer ${JWT}"`, JWT, ['quotes', 'bearer-prefix']],
  ['padded legacy signature is not an assignment', LEGACY, LEGACY, []],
  ['standard-base64 JWT with "=" is not an assignment', BTOA_JWT, BTOA_JWT, []],
  ['legacy signature in quotes', `"${LEGACY}"`, LEGACY, ['quotes']],
  ['JSON string literal with an escaped slash', `"${BTOA_JWT.replace('/', '\\/')}"`, BTOA_JWT, ['json-string']],
  ['empty', '', '', []],
  ['blank', '   \n', '', ['whitespace']],
  ['JSON without a token field', '{"error":"Invalid signature"}', '{"error":"Invalid signature"}', []],
  ['short prose is left alone', 'not a token!', 'not a token!', []],
  ['words on one line are not joined into a token', 'hello world this is not a token', 'hello world this is not a token', []],
  // The meeting page's URL, with the token in its query string.
  ['a URL with the token in its query', `https://example.com/meeting.html?name=QWRh&mn=85746065012&signature=${JWT}&china=0`, JWT, ['url']],
  ['a query alone, the token last', `?mn=85746065012&role=0&signature=${JWT}`, JWT, ['url']],
  ['a URL with the token in its fragment', `http://localhost:9999/#token=${JWT}`, JWT, ['url']],
  ['a URL with a URL-encoded standard-base64 token', `https://example.com/meeting.html?signature=${encodeURIComponent(BTOA_JWT)}&lang=en-US`, BTOA_JWT, ['url']],
  ['a "+" in a query stays a "+" (not form-decoded to a space)', `https://example.com/?signature=${BTOA_JWT}`, BTOA_JWT, ['url']],
  ['a URL-encoded token on its own', encodeURIComponent(BTOA_JWT), BTOA_JWT, ['url-encoding']],
  ['a URL-encoded token in quotes', `"${encodeURIComponent(BTOA_JWT)}"`, BTOA_JWT, ['quotes', 'url-encoding']],
  ['a "%" that is no escape is left alone', `${JWT}%zz`, `${JWT}%zz`, []],
  ['an escape that is no UTF-8 is left alone', `${JWT}%ff`, `${JWT}%ff`, []],
  ['a URL without a token parameter is left alone', 'https://example.com/meeting.html?mn=85746065012&role=0', 'https://example.com/meeting.html?mn=85746065012&role=0', []],
  ['an empty token parameter is left alone', 'https://example.com/?signature=&mn=1', 'https://example.com/?signature=&mn=1', []],
  // Code pasted with the token in it.
  ['a join() call', `client.join({ signature: '${JWT}', sdkKey: 'FakeClientId0123456789', meetingNumber: '85746065012', userName: 'Ada' })`, JWT, ['code']],
  ['a join() call over several lines', `ZoomMtg.join({\n  meetingNumber: 85746065012,\n  signature: "${JWT}",\n  userName: 'Ada',\n})`, JWT, ['code']],
  ['a JavaScript object, not JSON', `{ signature: "${JWT}", sdkKey: "abc" }`, JWT, ['code']],
  ['a quoted key in single quotes', `{'token': '${JWT}'}`, JWT, ['code']],
  ['code that names the token without it is left alone', 'client.join({ signature: signature, sdkKey })', 'client.join({ signature: signature, sdkKey })', []],
  ['under a key that only ends like one, the token is a word among others', `{ old_signature: '${JWT}' }`, JWT, ['surrounding-text']],
  // Words around a token.
  ['a sentence around it, with its full stop', `The signature is ${JWT}.`, JWT, ['surrounding-text']],
  ['a note after it', `${JWT} (expires in 2h)`, JWT, ['surrounding-text']],
  ['a token broken across lines inside its signature is joined, not cut', `${JWT.slice(0, -10)}\n${JWT.slice(-10)}`, JWT, ['line-breaks']],
  ['a token broken across lines after a dot is joined', `${JWT.split('.').slice(0, 2).join('.')}.\n${JWT.split('.')[2]}`, JWT, ['line-breaks']],
  ['two tokens are left as they are', `${JWT}\n${JWT}`, `${JWT}\n${JWT}`, []],
];

describe('cleanInput', () => {
  it.each(rows)('%s', (_name, input, token, kinds) => {
    const cleaned = cleanInput(input);
    expect(cleaned.token).toBe(token);
    expect(cleaned.unwrapped.map((u) => u.kind)).toEqual(kinds);
  });

  it.each([undefined, null, 42, {}])('treats %s as empty', (input) => {
    expect(cleanInput(input)).toEqual({ token: '', unwrapped: [] });
  });
});

describe('URLs', () => {
  it('names the parameter, and says when the value was URL-decoded', () => {
    expect(cleanInput(`https://example.com/?signature=${JWT}`).unwrapped[0]?.description).toBe('a URL (its "signature" parameter)');
    expect(cleanInput(`https://example.com/?token=${encodeURIComponent(BTOA_JWT)}`).unwrapped[0]?.description).toBe('a URL (its "token" parameter, URL-decoded)');
  });

  it('names each escape a URL-encoded token holds, once', () => {
    expect(cleanInput(encodeURIComponent(BTOA_JWT)).unwrapped[0]?.description).toBe('URL encoding (%3D, %2B and %2F)');
  });
});

describe('invisible characters and curly quotes', () => {
  it('names each character, its code point and where it was', () => {
    const { unwrapped } = cleanInput(`\u200B${JWT.slice(0, 40)}\u200D${JWT.slice(40)}`);
    expect(unwrapped).toEqual([
      {
        kind: 'invisible-characters',
        description: 'invisible characters: a zero-width space (U+200B at character 1) and a zero-width joiner (U+200D at character 42)',
      },
    ]);
  });

  it('names curly quotes and says they were read as straight ones', () => {
    expect(cleanInput(`\u2018${JWT}\u2019`).unwrapped[0]?.description).toBe(
      `curly quotes \u2018 (U+2018 at character 1) and \u2019 (U+2019 at character ${JWT.length + 2}), read as straight quotes`,
    );
  });

  it('lists three places and counts the rest', () => {
    const many = [...JWT.slice(0, 10)].map((c) => `${c}\u200B`).join('') + JWT.slice(10);
    expect(cleanInput(many).unwrapped[0]?.description).toMatch(/at character 6\) and 7 more$/);
    expect(cleanInput(many).token).toBe(JWT);
  });
});
