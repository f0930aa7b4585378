import type { Check } from './check.js';

export const meetingNumberFormat: Check = {
  id: 'meeting-number-format',
  severity: 'error',
  group: 'Claims',
  title: 'mn is not digits only',
  hint: 'Remove spaces and dashes ("857 4606 5012" → "85746065012"); take it from the join URL after /j/.',
  run({ decoded, tokenSdk }) {
    const payload = decoded.payload;
    if (tokenSdk !== 'meeting' || payload === undefined || !Object.hasOwn(payload, 'mn')) return undefined;
    const mn = payload.mn;
    if (meetingNumberText(mn) !== undefined) return [];
    return [{ message: `mn is ${JSON.stringify(mn)}; it must be the meeting number in digits only.`, claim: 'mn', value: mn }];
  },
};

/** The digits of an mn claim (a string of digits or a whole number), else undefined. */
export function meetingNumberText(mn: unknown): string | undefined {
  const text = typeof mn === 'number' && Number.isSafeInteger(mn) && mn >= 0 ? String(mn) : typeof mn === 'string' ? mn : undefined;
  return text !== undefined && /^\d+$/.test(text) ? text : undefined;
}
