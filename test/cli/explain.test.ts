import { describe, expect, it } from 'vitest';
import { ALL_CHECKS, SMOKE_CHECK_IDS, ZOOM_ERROR_CODES } from '../../src/index.js';

const ALL_IDS = ALL_CHECKS.map((check) => check.id);
import { lines, runCli, usageErrorLine } from './helpers.js';

describe('zoomsig explain <code>', () => {
  it('turns 3712 into a ranked checklist: checks for what a token shows, what to do for the rest', async () => {
    const result = await runCli(['explain', '3712']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchSnapshot();
    const out = lines(result.stdout);
    expect(out[0]).toBe('Zoom error 3712, Web SDK: Signature is invalid.');
    expect(out).toContain('Causes, most frequent first:');
    expect(result.stdout).toMatch(/ 1\. Credentials of the wrong app.*\n +no token check can see this: /);
    expect(result.stdout).toMatch(/doctor checks: timestamps-in-ms\n/);
    expect(result.stdout).toMatch(/2026-03-02/);
    expect(out.at(-1)).toMatch(/zoomsig doctor "\$TOKEN" --error 3712/);
  });

  it('explains 200, the component view\'s generic failure, with the same causes and the meeting\'s own', async () => {
    const result = await runCli(['explain', '200']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Fail to join the meeting/);
    expect(result.stdout).toMatch(/doctor checks: signature-invalid/);
    expect(result.stdout).toMatch(/passcode/);
  });

  it('takes native result names in any case, and says what else they are called', async () => {
    const result = await runCli(['explain', 'jwttokenwrong']);
    expect(result.code).toBe(0);
    expect(lines(result.stdout)[0]).toBe('Zoom error JWTTOKENWRONG (also 11), Native SDKs: Auth result JWTTOKENWRONG (11 in the desktop header): the JWT is wrong.');
  });

  it.each(ZOOM_ERROR_CODES.flatMap((entry) => entry.codes).map((code) => [code]))('explains %s', async (code) => {
    // "--" before a code that starts with "-" (-3000), as on any command line.
    const result = await runCli(['explain', '--json', ...(code.startsWith('-') ? ['--'] : []), code.toLowerCase()]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { type: string; code: string; causes: { checks: string[] }[] };
    expect(report).toMatchObject({ type: 'error-code', code });
    expect(report.causes.length).toBeGreaterThan(0);
  });
});

describe('zoomsig explain <check-id>', () => {
  it.each(ALL_IDS.map((id) => [id]))('explains %s from its page', async (id) => {
    const result = await runCli(['explain', id.toUpperCase()]);
    expect(result.code).toBe(0);
    const out = lines(result.stdout);
    expect(out[0]).toBe(id);
    expect(result.stdout).toMatch(/\nWhy Zoom rejects it\n/);
    expect(result.stdout).toMatch(/\nHow to fix it\n/);
    // The page as installed, readable offline; no web address until the project has one.
    expect(out.at(-1)).toMatch(new RegExp(`^Page: /\\S+/docs/checks/${id}\\.md$`));
    // Plain text: no Markdown left over.
    expect(result.stdout).not.toMatch(/^#|```|\*\*/m);
  });

  it('prints the check as JSON with its page', async () => {
    const result = await runCli(['explain', 'timestamps-in-ms', '--json']);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ type: 'check', id: 'timestamps-in-ms', severity: 'error', group: 'Time' });
    expect(report.errorCodes).toEqual(expect.arrayContaining(['3712', '3705', '124']));
    expect(String(report.page)).toMatch(/^# timestamps-in-ms\n/);
  });

  it.each(SMOKE_CHECK_IDS.map((id) => [id]))('explains zoomsig check\'s %s as JSON too', async (id) => {
    const result = await runCli(['explain', id, '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ type: 'check', id, group: expect.stringMatching(/^(Credentials|Endpoint)$/) });
    expect(String(report.page)).toMatch(new RegExp(`^# ${id}\\n`));
  });
});

describe('zoomsig explain: the rest', () => {
  it('lists every code and check with no argument', async () => {
    const result = await runCli(['explain']);
    expect(result.code).toBe(0);
    for (const id of ALL_IDS) expect(result.stdout).toContain(id);
    expect(result.stdout).toMatch(/3712 +Signature is invalid\./);
  });

  it('suggests the nearest codes and ids for an unknown one, and exits 2', async () => {
    const code = await runCli(['explain', '3721']);
    expect(code.code).toBe(2);
    expect(usageErrorLine(code)).toMatch(/"3721" is neither a Zoom error code nor a check id zoomsig knows\. Did you mean "3712"/);
    const id = await runCli(['explain', 'timestamp-in-ms']);
    expect(id.code).toBe(2);
    expect(usageErrorLine(id)).toMatch(/Did you mean "timestamps-in-ms"\?/);
    expect(id.stdout).toBe('');
  });

  it('takes one subject only', async () => {
    const result = await runCli(['explain', '3712', '200']);
    expect(result.code).toBe(2);
    expect(usageErrorLine(result)).toMatch(/takes one error code or check id/);
  });
});

describe('zoomsig explain: what the SDKs do with the server\'s answers', () => {
  it('says 3712 is the client\'s name for the server\'s "Invalid signature."', async () => {
    const result = await runCli(['explain', '3712']);
    expect(lines(result.stdout)[1]).toBe('The client\'s name for the server\'s message "Invalid signature."');
    expect(result.stdout).toMatch(/never sends 3712 as a number/);
  });

  it.each([
    ['3704', 'The api key is wrong.'],
    ['3705', 'The signature has expired.'],
    ['3710', "The account don't enable API."],
    ['3713', 'No permission'],
  ])('maps %s to the server\'s text', async (code, text) => {
    const report = JSON.parse((await runCli(['explain', code, '--json'])).stdout) as { serverMessage: string };
    expect(report.serverMessage).toBe(text);
  });

  it('names 1, 200 and -3000 as the generic and offline codes', async () => {
    const [one, twoHundred, offline] = await Promise.all([runCli(['explain', '1']), runCli(['explain', '200']), runCli(['explain', '--', '-3000'])]);
    expect(one.stdout).toMatch(/when it is offline/);
    expect(twoHundred.stdout).toMatch(/for most other server codes/);
    expect(offline.code).toBe(0);
    expect(offline.stdout).toMatch(/offline/);
  });

  it('says where the server\'s 124 shows, and the Video SDK\'s texts', async () => {
    const [code124, code3610] = await Promise.all([runCli(['explain', '124']), runCli(['explain', '3610'])]);
    expect(code124.stdout).toMatch(/3610 \(client view\) or 200 \(component view\)/);
    expect(code124.stdout).toMatch(/Verify JWT failed/);
    expect(lines(code3610.stdout)[0]).toMatch(/Token has expired/);
  });

  it.each(['4011', '4012', '4013', '4015'])('says %s comes after the signature was accepted', async (code) => {
    const result = await runCli(['explain', code]);
    expect(result.stdout).toMatch(/after the signature was accepted: it is never a signature problem/);
  });

  it.each([
    ['4003', 'join-meeting-number-format'],
    ['3636', 'zak-with-obf-token'],
    ['3', 'api-key-in-join'],
    ['3010', 'invalid-role'],
  ])('explains %s with the check that sees it', async (code, id) => {
    expect((await runCli(['explain', code])).stdout).toMatch(new RegExp(`doctor checks: (\\S+, )*${id}\\b`));
  });
});
