import type { Check } from './check.js';

/** The client view refuses a longer meetingNumber before any request ("meetingNumber length > 12"). */
const MAX_JOIN_MEETING_NUMBER_LENGTH = 12;

export const joinMeetingNumberFormat: Check = {
  id: 'join-meeting-number-format',
  severity: 'error',
  group: 'Join context',
  title: "join()'s meetingNumber is over 12 characters",
  hint: 'Pass join() the meeting number in digits only ("857 4606 5012" → "85746065012"), taken from the join URL after /j/.',
  run({ join }) {
    const value = join?.meetingNumber;
    if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    const text = String(value);
    if (text.length <= MAX_JOIN_MEETING_NUMBER_LENGTH) return [];
    return [
      {
        message: `join() gets meetingNumber ${JSON.stringify(value)}, ${text.length} characters: the client view refuses more than 12 with error 4003 ("meetingNumber length > 12"), and the component view sends it as it is.`,
        claim: 'meetingNumber',
        value,
      },
    ];
  },
};
