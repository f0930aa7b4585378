/**
 * zoomsig generate: a new signature, the token alone on stdout. On a terminal,
 * what the flags, the environment and .env did not give is asked for; anywhere
 * else a missing value is an error naming the flag and variable that give it.
 */
import { ZoomsigError } from '../../core/errors.js';
import { checkLifetime, checkTopic, generateSignature, limitIdentifier, type SignatureOptions } from '../../core/generate.js';
import { normaliseMeetingNumber, normaliseRole } from '../../core/normalise.js';
import { parseDuration } from '../../core/time.js';
import { MEETING_NUMBER_DIGITS } from '../../core/zoom-rules.js';
import type { CommandInput } from '../commands.js';
import { formatOption, nowOption, sdkOption } from '../common-options.js';
import {
  envNames,
  hasSecret,
  missingKeyError,
  missingSecretError,
  resolveKey,
  resolveSecrets,
  trimmedWithWarning,
  type Environment,
  type Sdk,
} from '../credentials.js';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../io.js';
import type { OptionValues } from '../options.js';
import { equivalentCommand } from '../prompts/equivalent-command.js';
import { askKey, askMeeting, askRole, askSecret, askTokenKind, askTopic } from '../prompts/generate-questions.js';
import { loadInquirerPrompter } from '../prompts/inquirer-prompter.js';
import { canPrompt, PromptCancelled, type Prompter, type PrompterLoader } from '../prompts/prompter.js';

export async function runGenerate(input: CommandInput, loadPrompter: PrompterLoader = loadInquirerPrompter): Promise<number> {
  const { values, io, output } = input;
  const format = formatOption(values);
  const now = nowOption(values, io);
  let collected: Collected;
  try {
    collected = await collect(input, now, loadPrompter);
  } catch (error) {
    if (!(error instanceof PromptCancelled)) throw error;
    output.err('zoomsig: cancelled; no signature was generated.');
    return EXIT.interrupted;
  }

  const generated = await generateSignature(collected.options);
  if (format === 'json') {
    const { signature, sdkKey, header, payload, expiresAt } = generated;
    output.out(JSON.stringify({ schemaVersion: 1, signature, sdkKey, header, payload, expiresAt }, null, 2));
  } else {
    output.out(generated.signature);
    if (io.stderr.isTTY) output.note(`valid until ${generated.expiresAt}; zoomsig decode shows its claims.`);
  }
  if (collected.replay !== undefined) output.note(collected.replay);
  return EXIT.ok;
}

interface Collected {
  options: SignatureOptions;
  /** After questions: how to do the same without them. */
  replay?: string;
}

/** Where a value was typed, for messages. */
const TYPED = 'typed';

/**
 * The signature's options from the flags, the environment and .env, asking
 * for what is missing when a person can answer. What was given is checked
 * before anything is asked.
 */
async function collect(
  { values, io, output, environment: env }: CommandInput,
  now: number,
  loadPrompter: PrompterLoader,
): Promise<Collected> {
  const sdkGiven = sdkOption(values) ?? impliedSdk(values);
  checkCombinations(values, sdkGiven ?? 'meeting');
  const meetingGiven = values.meeting === undefined ? undefined : normaliseMeetingNumber(values.meeting);
  const roleGiven = values.role === undefined ? undefined : normaliseRole(values.role);
  const lifetimeGiven = values['expires-in'] === undefined ? undefined : checkLifetime(parseDuration(values['expires-in']));

  const prompter = anythingMissing(values, env, sdkGiven ?? 'meeting') && canPrompt(io) ? await loadPrompter(io) : undefined;
  /** The flags that would have given the same answers, for the equivalent command line. */
  const answered: OptionValues = { ...values, product: undefined };

  let sdk: Sdk = sdkGiven ?? 'meeting';
  let native = values.native === true;
  if (prompter !== undefined && sdkGiven === undefined) {
    const choice = await askTokenKind(prompter, { allowNative: roleGiven === undefined });
    sdk = choice === 'video' ? 'video' : 'meeting';
    native = choice === 'native';
  }
  const obtain = <T>(field: MissingField, ask: (prompter: Prompter) => Promise<T>): Promise<T> => {
    if (prompter === undefined) throw missingError(field, sdk, env);
    return ask(prompter);
  };

  const key = resolveKey(values, env, sdk) ?? { value: await obtain('key', (p) => askKey(p, sdk)), source: TYPED };
  const [given, ...more] = resolveSecrets(values, env, sdk, output);
  if (more.length > 0) throw new ZoomsigError('USAGE', 'generate signs with one secret; give --secret or --secret-file once.');
  const secretGiven = given ?? { label: TYPED, value: await obtain('secret', (p) => askSecret(p, sdk)) };
  output.protect(secretGiven.value);
  const common = {
    key: trimmedWithWarning(key.value, key.source === TYPED ? 'the key you typed' : `the key from ${key.source}`, output),
    secret: trimmedWithWarning(
      secretGiven.value,
      secretGiven.label === TYPED ? 'the secret you typed' : `the secret from ${secretGiven.label}`,
      output,
    ),
    now,
  };
  if (key.source === TYPED) answered.key = common.key;

  let options: SignatureOptions;
  if (sdk === 'video') {
    // Checked here with the flags' names; the library's own checks name its options.
    const topic = checkTopic(values.topic ?? (await obtain('topic', askTopic)), '--topic');
    // The role has a default for video (0, a participant): not asked.
    const role = roleGiven;
    answered.sdk = 'video';
    answered.topic = topic;
    answered.role = role === undefined ? undefined : String(role);
    options = {
      sdk: 'video',
      ...common,
      topic,
      ...(role !== undefined && { role }),
      ...(values['session-key'] !== undefined && { sessionKey: limitIdentifier(values['session-key'], '--session-key') }),
      ...(values['user-identity'] !== undefined && { userIdentity: limitIdentifier(values['user-identity'], '--user-identity') }),
    };
  } else {
    if (meetingGiven !== undefined) warnOnMeetingLength(meetingGiven, output);
    let meetingNumber = meetingGiven;
    if (!native && meetingNumber === undefined) {
      // Asked without the SDK question first: an empty answer is how to say "native".
      const allowNative = sdkGiven !== undefined && values.webrtc !== true && roleGiven === undefined;
      meetingNumber = await obtain('meeting', (p) => askMeeting(p, { allowNative }));
      native = meetingNumber === undefined;
    }
    const role = native ? undefined : (roleGiven ?? (await obtain('role', (p) => askRole(p, 'meeting'))));
    answered.sdk = undefined; // the default
    answered.native = native;
    answered.meeting = meetingNumber;
    answered.role = role === undefined ? undefined : String(role);
    options = {
      sdk: 'meeting',
      ...common,
      native,
      webrtc: values.webrtc === true,
      ...(meetingNumber !== undefined && { meetingNumber }),
      ...(role !== undefined && { role }),
    };
  }

  // The lifetime has a default (2 h): never asked, only taken from --expires-in.
  if (lifetimeGiven !== undefined) options.expiresInSeconds = lifetimeGiven;

  if (prompter === undefined) return { options };
  const secretVariable = secretGiven.label === TYPED || values.secret !== undefined ? envNames(sdk).secret : undefined;
  return { options, replay: replayNote(equivalentCommand(answered, secretVariable), secretVariable) };
}

/** The SDK a flag belongs to, when no --sdk was given. */
function impliedSdk(values: OptionValues): Sdk | undefined {
  if (values.meeting !== undefined || values.native === true || values.webrtc === true) return 'meeting';
  if (values.topic !== undefined || values['session-key'] !== undefined || values['user-identity'] !== undefined) return 'video';
  return undefined;
}

function checkCombinations(values: OptionValues, sdk: Sdk): void {
  if (sdk === 'video') {
    for (const flag of ['meeting', 'native', 'webrtc'] as const) {
      if (values[flag] !== undefined) throw new ZoomsigError('USAGE', `--${flag} is for the Meeting SDK; a Video SDK token takes --topic.`);
    }
    return;
  }
  for (const flag of ['topic', 'session-key', 'user-identity'] as const) {
    if (values[flag] !== undefined) throw new ZoomsigError('USAGE', `--${flag} is for the Video SDK: add --sdk video.`);
  }
  if (values.native && (values.meeting !== undefined || values.role !== undefined)) {
    throw new ZoomsigError('USAGE', '--native makes a token without mn and role: leave out --meeting and --role.');
  }
}

type MissingField = 'key' | 'secret' | 'topic' | 'meeting' | 'role';

/** Whether a signature for `sdk` lacks anything that has no default; nothing is read or warned about. */
function anythingMissing(values: OptionValues, env: Environment, sdk: Sdk): boolean {
  if (resolveKey(values, env, sdk) === undefined || !hasSecret(values, env, sdk)) return true;
  if (sdk === 'video') return values.topic === undefined;
  return !values.native && (values.meeting === undefined || values.role === undefined);
}

/** The error for a missing value when nobody can be asked: the flag and the variable that give it. */
function missingError(field: MissingField, sdk: Sdk, env: Environment): ZoomsigError {
  if (field === 'key') return missingKeyError(env, sdk);
  if (field === 'secret') return missingSecretError(env, sdk);
  const messages: Record<typeof field, string> = {
    topic: 'A Video SDK signature needs the session name: give it with --topic.',
    meeting: 'A web signature needs the meeting number: give it with --meeting (or use --native for a native SDK token).',
    role: 'A web signature needs the role: give it with --role 0 (join) or --role 1 (start).',
  };
  return new ZoomsigError('MISSING_VALUE', messages[field], field);
}

function replayNote(command: string, secretVariable: string | undefined): string {
  const lines = ['the same without the questions:', `  ${command}`];
  if (secretVariable !== undefined) {
    lines.push(
      `  where … is the secret. Keep it out of your shell history: put ${secretVariable}=… in a .env file, or the secret alone in a file read with --secret-file <path>.`,
    );
  }
  return lines.join('\n');
}

function warnOnMeetingLength(meetingNumber: string, output: Output): void {
  const { min, max } = MEETING_NUMBER_DIGITS;
  if (meetingNumber.length < min || meetingNumber.length > max) {
    output.warn(`meeting number ${meetingNumber} has ${meetingNumber.length} digits; Zoom's are ${min} to ${max}. Check it.`);
  }
}
