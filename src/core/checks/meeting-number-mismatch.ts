import type { Check, FindingDraft } from './check.js';
import { meetingNumberText } from './meeting-number-format.js';

export const meetingNumberMismatch: Check = {
  id: 'meeting-number-mismatch',
  severity: 'error',
  group: 'Claims',
  title: 'The token is for another meeting',
  hint: 'Sign the token for the meeting you join: the mn claim and the meetingNumber passed to join() must be the same digits.',
  run({ decoded, tokenSdk, meeting, join }) {
    const payload = decoded.payload;
    const expected = [
      ...(meeting ? [meeting] : []),
      ...(join?.meetingNumber !== undefined ? [{ value: digitsOf(join.meetingNumber), label: "the join() object's meetingNumber" }] : []),
    ];
    if (tokenSdk !== 'meeting' || payload === undefined || expected.length === 0) return undefined;
    const mn = meetingNumberText(payload.mn);
    // No mn (a native token) or an mn that is not digits: other checks say so.
    if (mn === undefined) return undefined;
    const drafts: FindingDraft[] = [];
    const reported = new Set<string>();
    for (const { value, label } of expected) {
      // --meeting and the join() object naming the same other meeting: one finding.
      if (value !== mn && !reported.has(value)) {
        reported.add(value);
        drafts.push({ message: `mn is "${mn}", but ${label} is "${value}".`, claim: 'mn', value: payload.mn });
      }
    }
    return drafts;
  },
};

/** A meeting number as the join() object may write it, with spaces or dashes taken out. */
function digitsOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value).replace(/[\s-]/g, '') : JSON.stringify(value);
}
