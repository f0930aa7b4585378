import { asNumber } from '../json-value.js';
import type { Check } from './check.js';

export const hostNeedsZak: Check = {
  id: 'host-needs-zak',
  severity: 'error',
  group: 'Join context',
  title: 'Starting as host without a ZAK',
  hint: "Get the host's ZAK from the REST API (GET /users/me/token?type=zak, with the host's OAuth token) and pass it as zak in join(); or sign with role 0 to join as a participant.",
  run({ decoded, tokenSdk, join, answers }) {
    // Known from the join() object, or from the user's answers (start, no ZAK).
    if (tokenSdk !== 'meeting' || (join === undefined && answers?.intent !== 'start')) return undefined;
    const role = decoded.payload?.role;
    const starts = role === 1 || asNumber(join?.role) === 1 || answers?.intent === 'start';
    const hasZak = join ? typeof join.zak === 'string' && join.zak.trim() !== '' : answers?.hasZak !== false;
    if (!starts || hasZak) return [];
    const from = !join
      ? 'You start the meeting as host without a ZAK'
      : role === 1
        ? 'The token has role 1 (start as host), but the join() object has no zak'
        : 'The join() object has role 1 (start as host) but no zak';
    // The token already joins (role 0): the join() object's role 1 is what to change, or a ZAK to add.
    const hint =
      role === 1
        ? undefined
        : "Pass the host's ZAK as zak in join() to start the meeting (and sign with role 1), or set the join() object's role to 0 to join as a participant.";
    return [{ message: `${from}: the Web SDK starts a meeting only with the host's ZAK.`, claim: 'zak', ...(hint && { hint }) }];
  },
};
