/**
 * The questions zoomsig generate asks on a terminal for what the flags, the
 * environment and .env did not give. Each answer is checked as it is typed,
 * with the same parsers as the flags, and the question stays until it is right.
 */
import { isZoomsigError } from '../../core/errors.js';
import { normaliseMeetingNumber } from '../../core/normalise.js';
import { MAX_TOPIC_LENGTH, MEETING_NUMBER_DIGITS } from '../../core/zoom-rules.js';
import type { Sdk } from '../credentials.js';
import type { Prompter, Validate } from './prompter.js';

/** What the first question settles: the SDK, and for the Meeting SDK whether the token is for a native app. */
export type TokenChoice = 'web' | 'native' | 'video';

export async function askTokenKind(prompter: Prompter, options: { allowNative: boolean }): Promise<TokenChoice> {
  return prompter.select<TokenChoice>({
    name: 'sdk',
    message: 'Which SDK is the signature for?',
    choices: [
      { value: 'web', name: 'Meeting SDK for web', description: 'a meeting number and a role are signed in (mn, role)' },
      ...(options.allowNative
        ? [{ value: 'native' as const, name: 'Meeting SDK for iOS, Android, macOS or Windows', description: 'a native token: no meeting number, no role' }]
        : []),
      { value: 'video', name: 'Video SDK', description: 'a session name (tpc) instead of a meeting number' },
    ],
  });
}

export async function askKey(prompter: Prompter, sdk: Sdk): Promise<string> {
  const what = `${sdkName(sdk)} key`;
  return prompter.text({
    name: 'key',
    message: `${what} (the app's Client ID):`,
    validate: required(`Paste the ${what}: the Client ID on your app's page in the Zoom App Marketplace.`),
  });
}

export async function askSecret(prompter: Prompter, sdk: Sdk): Promise<string> {
  const what = `${sdkName(sdk)} secret`;
  return prompter.secret({
    name: 'secret',
    message: `${what} (the app's Client Secret, hidden):`,
    validate: required(`Paste the ${what}: the Client Secret on your app's page in the Zoom App Marketplace.`),
  });
}

/**
 * The meeting number, as digits. With `allowNative`, an empty answer means a
 * native token without one, and the result is undefined.
 */
export async function askMeeting(prompter: Prompter, options: { allowNative: boolean }): Promise<string | undefined> {
  const answer = await prompter.text({
    name: 'meeting',
    message: options.allowNative
      ? 'Meeting number or join URL (leave empty for a native SDK token, without one):'
      : 'Meeting number or join URL:',
    validate: validateMeetingAnswer(options),
  });
  return answer.trim() === '' ? undefined : normaliseMeetingNumber(answer);
}

export async function askRole(prompter: Prompter, sdk: Sdk): Promise<0 | 1> {
  const role = await prompter.select<'0' | '1'>({
    name: 'role',
    message: 'Role?',
    choices:
      sdk === 'video'
        ? [
            { value: '0', name: 'participant (role_type 0)' },
            { value: '1', name: 'host (role_type 1)', description: 'the session host: can manage the session' },
          ]
        : [
            { value: '0', name: 'participant (0)', description: 'join the meeting' },
            { value: '1', name: 'host (1)', description: 'start the meeting: the host also needs a ZAK' },
          ],
  });
  return role === '1' ? 1 : 0;
}

export async function askTopic(prompter: Prompter): Promise<string> {
  return prompter.text({
    name: 'topic',
    message: 'Session name (tpc), exactly as your app passes it to join():',
    validate: validateTopicAnswer,
  });
}

export function validateMeetingAnswer(options: { allowNative: boolean }): Validate {
  return (answer) => {
    const text = answer.trim();
    if (text === '') {
      return options.allowNative ? true : 'Type the meeting number (85746065012) or paste the join URL.';
    }
    let digits: string;
    try {
      digits = normaliseMeetingNumber(text);
    } catch (error) {
      if (!isZoomsigError(error)) throw error;
      return `"${text}" is not a meeting number: type its digits (85746065012, 857 4606 5012) or paste the join URL (https://zoom.us/j/85746065012).`;
    }
    const { min, max } = MEETING_NUMBER_DIGITS;
    if (digits.length < min || digits.length > max) {
      return `${digits} has ${digits.length} digits; Zoom meeting numbers have ${min} to ${max}. Check it, or paste the join URL.`;
    }
    return true;
  };
}


export const validateTopicAnswer: Validate = (answer) => {
  if (answer.trim() === '') return 'Type the session name: the Video SDK signs it in, and join() must use the same.';
  if (answer.length > MAX_TOPIC_LENGTH) return `The session name is at most ${MAX_TOPIC_LENGTH} characters; this one has ${answer.length}.`;
  return true;
};

function required(sentence: string): Validate {
  return (answer) => (answer.trim() === '' ? sentence : true);
}

function sdkName(sdk: Sdk): string {
  return sdk === 'video' ? 'Video SDK' : 'Meeting SDK';
}
