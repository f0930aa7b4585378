import type { Check } from './check.js';

export const externalMeeting: Check = {
  id: 'external-meeting',
  severity: 'warning',
  group: 'Setup',
  title: "A meeting outside the app's account",
  hint: "Since 2026-03-02 an app joining meetings outside its own account must be published in the Marketplace and pass an OBF token (obfToken in join()) or the ZAK of a user in the meeting.",
  run({ answers }) {
    if (answers?.meetingOwner === undefined || answers.meetingOwner === 'unknown') return undefined;
    if (answers.meetingOwner === 'same-account') return [];
    if (answers.appPublished === false) {
      return [
        {
          message:
            "The meeting belongs to another Zoom account and the app is not published: Zoom refuses the join (web error 4011, native 63), which looks like signature trouble but is not.",
          severity: 'error',
        },
      ];
    }
    return [
      {
        message:
          'The meeting belongs to another Zoom account: since 2026-03-02 that join needs a ZAK or OBF token, or Zoom refuses it (web errors 4012–4015, native 500–506).',
      },
    ];
  },
};
