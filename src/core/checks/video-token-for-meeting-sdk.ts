import type { Check } from './check.js';

export const videoTokenForMeetingSdk: Check = {
  id: 'video-token-for-meeting-sdk',
  severity: 'error',
  group: 'Token kind',
  title: 'A Video SDK token given to the Meeting SDK',
  hint: 'The Meeting SDK needs appKey, mn, role, iat, exp and tokenExp, signed with Meeting SDK credentials: zoomsig generate --sdk meeting.',
  run({ decoded, sdk, join }) {
    // A join() object with a meeting number is the Meeting SDK's.
    if (sdk !== 'meeting' && join === undefined) return undefined;
    if (decoded.kind !== 'video-sdk') return [];
    return [{ message: 'This is a Video SDK token (app_key, tpc, role_type), but it is meant for the Meeting SDK.' }];
  },
};
