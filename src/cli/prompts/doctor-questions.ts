/**
 * doctor's questions on a terminal: the token when none was given, and the
 * short questionnaire about what no token can show (which app made the
 * credentials, whose meeting, join or start, which SDK and version). Each
 * answer feeds the setup checks; nothing here judges anything.
 */
import type { ZoomErrorCode } from '../../core/error-codes.js';
import { APP_TYPE_LABELS, APP_TYPES, parseVersion, type AppType, type SdkPlatform, type SetupAnswers } from '../../core/setup-answers.js';
import type { Prompter, SetupQuestionName, Validate } from './prompter.js';

/** The codes whose causes the questions are about: "Invalid signature" and its generic forms. */
const SIGNATURE_CODES = new Set(['3712', '200', '1', '3704', '3710', '3711', '3713', '4011', '63', 'JWTTOKENWRONG', 'AUTHRET_TOKENWRONG', 'KEYORSECRETWRONG']);

/** Whether the error Zoom gave (its entry in the table) is one the questions can explain. */
export function questionsExplain(entry: ZoomErrorCode | undefined): boolean {
  return entry !== undefined && entry.codes.some((code) => SIGNATURE_CODES.has(code));
}

export async function askToken(prompter: Prompter): Promise<string> {
  const text = await prompter.paste({
    name: 'token',
    message: 'Paste the signature (the JWT, or the whole reply of your endpoint; several lines are fine, an empty line ends it):',
    complete: pasteComplete,
    validate: (answer) => (answer.trim() === '' ? 'Paste the token: it starts with "eyJ" and has two dots.' : true),
  });
  return pastedToken(text);
}

/**
 * Whether a paste is whole: JSON once it parses; a JWT once it has its
 * three parts and an HS256-long signature (43 characters); anything else at
 * once. A token cut short waits for the rest (an empty line checks it as it is).
 */
export function pasteComplete(text: string): boolean {
  const trimmed = text.trim();
  if (/^[{["]/.test(trimmed)) {
    try {
      JSON.parse(trimmed);
      return true;
    } catch {
      return false;
    }
  }
  const compact = trimmed.replace(/\s+/g, '').replace(/^bearer/i, '');
  if (!compact.startsWith('eyJ')) return true;
  const parts = compact.split('.');
  return parts.length >= 3 && (parts[2] ?? '').length >= 43;
}

/** A JWT pasted over several lines, put back on one; JSON (and anything else) as pasted. */
export function pastedToken(text: string): string {
  const trimmed = text.trim();
  return /^(bearer\s+)?eyJ/i.test(trimmed) && /\n/.test(trimmed) ? trimmed.replace(/\s*\n\s*/g, '') : text;
}

/** Asked when the token checks out and no error code was given: is there anything left to explain? */
export async function askRefused(prompter: Prompter): Promise<boolean> {
  const answer = await prompter.select<'yes' | 'no'>({
    name: 'refused',
    message: 'The token checks out. Does Zoom still refuse to join with it ("Signature is invalid", 3712, 200)?',
    choices: [
      { value: 'yes', name: 'Yes', description: 'a few questions about what no token can show' },
      { value: 'no', name: 'No, I was only checking' },
    ],
  });
  return answer === 'yes';
}

/** The questionnaire. Meeting SDK tokens get all of it; Video SDK tokens only the app question. */
export async function askSetup(prompter: Prompter, tokenSdk: 'meeting' | 'video' | undefined): Promise<SetupAnswers> {
  const answers: SetupAnswers = {};
  answers.appType = await prompter.select<AppType>({
    name: 'app-type',
    message: 'Which kind of app in the Zoom App Marketplace made the Client ID and Secret that signed it?',
    choices: APP_TYPES.map((value) => ({ value, name: APP_TYPE_LABELS[value] })),
  });
  if (tokenSdk !== 'meeting') return answers;

  answers.meetingOwner = await prompter.select<'same-account' | 'other-account' | 'unknown'>({
    name: 'meeting-owner',
    message: 'Whose meeting is it?',
    choices: [
      { value: 'same-account', name: "A user of the app's own Zoom account hosts it" },
      { value: 'other-account', name: 'Another Zoom account hosts it', description: 'a customer\'s or partner\'s meeting' },
      { value: 'unknown', name: "I don't know" },
    ],
  });
  if (answers.meetingOwner === 'other-account') {
    const published = await askYesNo(prompter, 'published', 'Is the app published in the Zoom App Marketplace?', {
      no: 'No, it is in development',
      unknown: true,
    });
    if (published !== undefined) answers.appPublished = published;
  }

  answers.intent = await prompter.select<'join' | 'start'>({
    name: 'intent',
    message: 'Does the user join the meeting, or start it as its host?',
    choices: [
      { value: 'join', name: 'Join (participant or attendee)' },
      { value: 'start', name: 'Start it as host' },
    ],
  });
  if (answers.intent === 'start') {
    answers.hasZak = (await askYesNo(prompter, 'zak', "Does join() get the host's ZAK (the zak field)?")) === true;
  }

  answers.platform = await prompter.select<SdkPlatform>({
    name: 'platform',
    message: 'Which Meeting SDK?',
    choices: [
      { value: 'web', name: 'Web (Client view or Component view)' },
      { value: 'android', name: 'Android' },
      { value: 'ios', name: 'iOS' },
      { value: 'windows', name: 'Windows' },
      { value: 'macos', name: 'macOS' },
      { value: 'electron', name: 'Electron' },
      { value: 'other', name: 'Another one' },
    ],
  });
  if (answers.platform === 'web') {
    const version = (
      await prompter.text({ name: 'sdk-version', message: 'Which Web SDK version (5.0.2)? Leave empty if you do not know:', validate: validateVersionAnswer })
    ).trim();
    if (version !== '') answers.sdkVersion = version;
  }
  return answers;
}

/** Yes or no, and "I don't know" when `unknown` (answered as undefined). */
async function askYesNo(
  prompter: Prompter,
  name: SetupQuestionName,
  message: string,
  { no = 'No', unknown = false }: { no?: string; unknown?: boolean } = {},
): Promise<boolean | undefined> {
  const answer = await prompter.select<'yes' | 'no' | 'unknown'>({
    name,
    message,
    choices: [
      { value: 'yes', name: 'Yes' },
      { value: 'no', name: no },
      ...(unknown ? [{ value: 'unknown' as const, name: "I don't know" }] : []),
    ],
  });
  return answer === 'unknown' ? undefined : answer === 'yes';
}

export const validateVersionAnswer: Validate = (answer) =>
  answer.trim() === '' || parseVersion(answer) !== undefined ? true : `"${answer.trim()}" is not a version: type it as 5.0.2, or leave it empty.`;
