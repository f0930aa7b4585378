/**
 * The two sample bodies, case by case: what Zoom's sample endpoints accept
 * and coerce, what they reject and under which property.
 */
import { describe, expect, it } from 'vitest';
import { readMeetingBody, readVideoBody, type PropertyError } from '../../src/core/endpoint-body.js';

const MN = '85746065012';

describe('readMeetingBody', () => {
  const accepted: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['web, digits, role 0', { meetingNumber: MN, role: 0 }, { native: false, meetingNumber: MN, role: 0, webrtc: false }],
    ['meeting number as a number, role "1"', { meetingNumber: 85746065012, role: '1' }, { meetingNumber: MN, role: 1 }],
    ['spaced meeting number, role " 0 "', { meetingNumber: '857 4606 5012', role: ' 0 ' }, { meetingNumber: MN, role: 0 }],
    ['dashed meeting number', { meetingNumber: '857-4606-5012', role: 1 }, { meetingNumber: MN }],
    ['join URL', { meetingNumber: `https://us05web.zoom.us/j/${MN}?pwd=abc`, role: 0 }, { meetingNumber: MN }],
    ['neither meetingNumber nor role: native', {}, { native: true, webrtc: false }],
    ['native with expirationSeconds "1800"', { expirationSeconds: '1800' }, { native: true, expiresInSeconds: 1800 }],
    ['expirationSeconds 172800', { meetingNumber: MN, role: 0, expirationSeconds: 172800 }, { expiresInSeconds: 172800 }],
    ['videoWebRtcMode "1"', { meetingNumber: MN, role: 0, videoWebRtcMode: '1' }, { webrtc: true }],
    ['videoWebRtcMode 0 (the default)', { meetingNumber: MN, role: 0, videoWebRtcMode: 0 }, { webrtc: false }],
    ['videoWebRtcMode 0 on a native token', { videoWebRtcMode: 0 }, { native: true, webrtc: false }],
    ['unknown properties are ignored', { meetingNumber: MN, role: 0, userName: 'Ada', signature: 'x' }, { meetingNumber: MN }],
    ['properties set to undefined count as absent', { meetingNumber: undefined, role: undefined }, { native: true }],
  ];

  it.each(accepted)('accepts %s', (_name, body, expected) => {
    const reading = readMeetingBody(body);
    expect(reading).toMatchObject({ ok: true, options: { sdk: 'meeting', ...expected } });
  });

  it('leaves expiresInSeconds out when not asked, so the default (2 h) applies', () => {
    const reading = readMeetingBody({ meetingNumber: MN, role: 0 });
    expect(reading.ok && 'expiresInSeconds' in reading.options).toBe(false);
  });

  const rejected: [string, Record<string, unknown>, [string, RegExp][]][] = [
    ['meetingNumber without role', { meetingNumber: MN }, [['$schema', /meetingNumber and role go together/]]],
    ['role without meetingNumber', { role: 0 }, [['$schema', /both for a web signature, or neither for a native/]]],
    ['role 2', { meetingNumber: MN, role: 2 }, [['role', /^role must be the number 0 or 1; got 2\.$/]]],
    ['role "2"', { meetingNumber: MN, role: '2' }, [['role', /got 2\./]]],
    ['role "host" (the sample takes numbers only)', { meetingNumber: MN, role: 'host' }, [['role', /got "host"/]]],
    ['role "1.0" (not coerced)', { meetingNumber: MN, role: '1.0' }, [['role', /got "1\.0"/]]],
    ['role null', { meetingNumber: MN, role: null }, [['role', /got null/]]],
    ['role true', { meetingNumber: MN, role: true }, [['role', /got true/]]],
    ['role -1', { meetingNumber: MN, role: -1 }, [['role', /got -1/]]],
    ['expirationSeconds 1799', { expirationSeconds: 1799 }, [['expirationSeconds', /1800 to 172800 seconds\); got 1799\.$/]]],
    ['expirationSeconds 172801', { expirationSeconds: 172801 }, [['expirationSeconds', /30 minutes to 48 hours/]]],
    ['expirationSeconds "60"', { expirationSeconds: '60' }, [['expirationSeconds', /got "60"/]]],
    ['expirationSeconds 7200.5', { expirationSeconds: 7200.5 }, [['expirationSeconds', /whole number of seconds/]]],
    ['expirationSeconds "2h"', { expirationSeconds: '2h' }, [['expirationSeconds', /got "2h"/]]],
    ['videoWebRtcMode 2', { meetingNumber: MN, role: 0, videoWebRtcMode: 2 }, [['videoWebRtcMode', /0 or 1; got 2/]]],
    ['videoWebRtcMode "yes"', { meetingNumber: MN, role: 0, videoWebRtcMode: 'yes' }, [['videoWebRtcMode', /got "yes"/]]],
    ['videoWebRtcMode 1 on a native token', { videoWebRtcMode: 1 }, [['videoWebRtcMode', /is for web signatures/]]],
    ['meetingNumber "abc"', { meetingNumber: 'abc', role: 0 }, [['meetingNumber', /meeting's number .* or its join URL; got "abc"/]]],
    ['meetingNumber 1.5', { meetingNumber: 1.5, role: 0 }, [['meetingNumber', /got 1\.5/]]],
    ['meetingNumber -5', { meetingNumber: -5, role: 0 }, [['meetingNumber', /got -5/]]],
    ['meetingNumber {}', { meetingNumber: {}, role: 0 }, [['meetingNumber', /got \{\}/]]],
    ['meetingNumber null', { meetingNumber: null, role: 0 }, [['meetingNumber', /got null/]]],
    [
      'every problem, in order',
      { meetingNumber: 'x', role: 5, expirationSeconds: 10, videoWebRtcMode: 3 },
      [['meetingNumber', /./], ['role', /./], ['expirationSeconds', /./], ['videoWebRtcMode', /./]],
    ],
    ['pairing and a bad role together', { role: 9 }, [['$schema', /./], ['role', /./]]],
  ];

  it.each(rejected)('rejects %s', (_name, body, expected) => {
    expectErrors(readMeetingBody(body), expected);
  });

  it('shows a long value cut short', () => {
    const reading = readMeetingBody({ meetingNumber: MN, role: 'x'.repeat(500) });
    expect(reading.ok ? '' : reading.errors[0]?.reason).toMatch(/^role must be the number 0 or 1; got "x{39}…\.$/);
  });
});

describe('readVideoBody', () => {
  const accepted: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['the two required properties', { sessionName: 'room-7', role: 1 }, { topic: 'room-7', role: 1 }],
    ['role "0"', { sessionName: 'room-7', role: '0' }, { role: 0 }],
    ['200-character session name', { sessionName: 's'.repeat(200), role: 0 }, { topic: 's'.repeat(200) }],
    [
      'every property, numeric strings coerced',
      {
        sessionName: 'room-7', role: '1', sessionKey: 'k'.repeat(35), userIdentity: 'u'.repeat(35), geoRegions: 'US, de',
        cloudRecordingOption: '1', cloudRecordingElection: 0, videoWebRtcMode: '1', audioWebRtcMode: 0, expirationSeconds: '3600',
      },
      {
        topic: 'room-7', role: 1, sessionKey: 'k'.repeat(35), userIdentity: 'u'.repeat(35), geoRegions: 'US,DE',
        cloudRecordingOption: 1, cloudRecordingElection: 0, videoWebRtcMode: 1, audioWebRtcMode: 0, expiresInSeconds: 3600,
      },
    ],
    ['geoRegions as an array', { sessionName: 'x', role: 0, geoRegions: ['SG', 'JP'] }, { geoRegions: 'SG,JP' }],
    ['empty userIdentity', { sessionName: 'x', role: 0, userIdentity: '' }, { userIdentity: '' }],
  ];

  it.each(accepted)('accepts %s', (_name, body, expected) => {
    expect(readVideoBody(body)).toMatchObject({ ok: true, options: { sdk: 'video', ...expected } });
  });

  const rejected: [string, Record<string, unknown>, [string, RegExp][]][] = [
    ['an empty body', {}, [['sessionName', /sessionName is required/], ['role', /role is required: 0 .* 1/]]],
    ['no role', { sessionName: 'x' }, [['role', /required/]]],
    ['a blank session name', { sessionName: '  ', role: 0 }, [['sessionName', /is empty/]]],
    ['a 201-character session name', { sessionName: 's'.repeat(201), role: 0 }, [['sessionName', /at most 200 characters; got 201/]]],
    ['a numeric session name', { sessionName: 7, role: 0 }, [['sessionName', /must be a string; got 7/]]],
    ['role 2', { sessionName: 'x', role: 2 }, [['role', /0 or 1; got 2/]]],
    ['a 36-character userIdentity', { sessionName: 'x', role: 0, userIdentity: 'u'.repeat(36) }, [['userIdentity', /at most 35 characters; got 36/]]],
    ['a 36-character sessionKey', { sessionName: 'x', role: 0, sessionKey: 'k'.repeat(36) }, [['sessionKey', /at most 35/]]],
    ['a numeric userIdentity', { sessionName: 'x', role: 0, userIdentity: 42 }, [['userIdentity', /must be a string; got 42/]]],
    ['geoRegions "XX"', { sessionName: 'x', role: 0, geoRegions: 'US,XX' }, [['geoRegions', /"XX", not a Zoom region/]]],
    ['geoRegions ""', { sessionName: 'x', role: 0, geoRegions: '' }, [['geoRegions', /names no region/]]],
    ['geoRegions [1]', { sessionName: 'x', role: 0, geoRegions: [1] }, [['geoRegions', /comma-separated string or an array/]]],
    ['cloudRecordingOption 2', { sessionName: 'x', role: 0, cloudRecordingOption: 2 }, [['cloudRecordingOption', /0 or 1; got 2/]]],
    ['cloudRecordingElection "yes"', { sessionName: 'x', role: 0, cloudRecordingElection: 'yes' }, [['cloudRecordingElection', /got "yes"/]]],
    ['videoWebRtcMode "2"', { sessionName: 'x', role: 0, videoWebRtcMode: '2' }, [['videoWebRtcMode', /got 2/]]],
    ['audioWebRtcMode -1', { sessionName: 'x', role: 0, audioWebRtcMode: -1 }, [['audioWebRtcMode', /got -1/]]],
    ['expirationSeconds 1000', { sessionName: 'x', role: 0, expirationSeconds: 1000 }, [['expirationSeconds', /1800 to 172800/]]],
    [
      'every problem, in the order of the sample\'s table',
      { sessionName: 5, role: 'a', sessionKey: 1, userIdentity: 2, geoRegions: 'ZZ', cloudRecordingOption: 5, audioWebRtcMode: 5, expirationSeconds: 1 },
      [
        ['sessionName', /./], ['role', /./], ['sessionKey', /./], ['userIdentity', /./], ['geoRegions', /./],
        ['cloudRecordingOption', /./], ['audioWebRtcMode', /./], ['expirationSeconds', /./],
      ],
    ],
  ];

  it.each(rejected)('rejects %s', (_name, body, expected) => {
    expectErrors(readVideoBody(body), expected);
  });
});

function expectErrors(reading: { ok: true } | { ok: false; errors: PropertyError[] }, expected: [string, RegExp][]): void {
  expect(reading.ok).toBe(false);
  const errors = reading.ok ? [] : reading.errors;
  expect(errors.map((error) => error.property)).toEqual(expected.map(([property]) => property));
  errors.forEach((error, index) => {
    expect(error.reason).toMatch(expected[index]?.[1] ?? /^$/);
    expect(error.reason).toMatch(/[.]$/);
  });
}
