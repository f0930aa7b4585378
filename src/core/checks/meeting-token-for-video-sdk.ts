import type { Check } from './check.js';

export const meetingTokenForVideoSdk: Check = {
  id: 'meeting-token-for-video-sdk',
  severity: 'error',
  group: 'Token kind',
  title: 'A Meeting SDK token given to the Video SDK',
  hint: 'The Video SDK needs app_key, tpc, role_type and version, signed with Video SDK credentials: zoomsig generate --sdk video.',
  run({ decoded, sdk }) {
    if (sdk !== 'video') return undefined;
    if (decoded.kind !== 'meeting-sdk') return [];
    return [{ message: 'This is a Meeting SDK token (appKey, mn, role), but it is meant for the Video SDK.' }];
  },
};
