/** zoomsig generate: a new signature, the token alone on stdout. */
import { ZoomsigError } from '../../core/errors.js';
import { generateSignature, type Role, type SignatureOptions } from '../../core/generate.js';
import { normaliseMeetingNumber } from '../../core/normalise.js';
import { parseDuration } from '../../core/time.js';
import { MEETING_NUMBER_DIGITS } from '../../core/zoom-rules.js';
import type { CommandInput } from '../commands.js';
import { formatOption, nowOption, sdkOption } from '../common-options.js';
import { missingKeyError, signingCredentials } from '../credentials.js';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../io.js';

export async function runGenerate({ values, io, output, environment: env }: CommandInput): Promise<number> {
  const format = formatOption(values, ['text', 'json']);
  const sdk = sdkOption(values) ?? 'meeting';
  const now = nowOption(values, io);

  if (sdk === 'video') {
    for (const flag of ['meeting', 'native', 'webrtc'] as const) {
      if (values[flag] !== undefined) throw new ZoomsigError('USAGE', `--${flag} is for the Meeting SDK; a Video SDK token takes --topic.`);
    }
  } else {
    for (const flag of ['topic', 'session-key', 'user-identity'] as const) {
      if (values[flag] !== undefined) throw new ZoomsigError('USAGE', `--${flag} is for the Video SDK: add --sdk video.`);
    }
    if (values.native && (values.meeting !== undefined || values.role !== undefined)) {
      throw new ZoomsigError('USAGE', '--native makes a token without mn and role: leave out --meeting and --role.');
    }
  }

  const credentials = signingCredentials(values, env, sdk, output, 'generate');
  if (credentials === undefined) throw missingKeyError(env, sdk);
  const { key: keyValue, secret } = credentials;

  const expiresInSeconds = values['expires-in'] === undefined ? undefined : parseDuration(values['expires-in']);
  let options: SignatureOptions;
  if (sdk === 'video') {
    if (values.topic === undefined) {
      throw new ZoomsigError('MISSING_VALUE', 'A Video SDK signature needs the session name: give it with --topic.', 'topic');
    }
    options = {
      sdk: 'video',
      key: keyValue,
      secret,
      now,
      topic: values.topic,
      ...(values.role !== undefined && { role: values.role as Role }),
      ...(values['session-key'] !== undefined && { sessionKey: values['session-key'] }),
      ...(values['user-identity'] !== undefined && { userIdentity: values['user-identity'] }),
      ...(expiresInSeconds !== undefined && { expiresInSeconds }),
    };
  } else {
    if (!values.native && values.meeting === undefined) {
      throw new ZoomsigError('MISSING_VALUE', 'A web signature needs the meeting number: give it with --meeting (or use --native for a native SDK token).', 'meeting');
    }
    if (!values.native && values.role === undefined) {
      throw new ZoomsigError('MISSING_VALUE', 'A web signature needs the role: give it with --role 0 (join) or --role 1 (start).', 'role');
    }
    if (values.meeting !== undefined) warnOnMeetingLength(normaliseMeetingNumber(values.meeting), output);
    options = {
      sdk: 'meeting',
      key: keyValue,
      secret,
      now,
      native: values.native === true,
      webrtc: values.webrtc === true,
      ...(values.meeting !== undefined && { meetingNumber: values.meeting }),
      ...(values.role !== undefined && { role: values.role as Role }),
      ...(expiresInSeconds !== undefined && { expiresInSeconds }),
    };
  }

  const generated = generateSignature(options);
  if (format === 'json') {
    const { signature, sdkKey, header, payload, expiresAt } = generated;
    output.out(JSON.stringify({ signature, sdkKey, header, payload, expiresAt }, null, 2));
  } else {
    output.out(generated.signature);
    if (io.stderr.isTTY) output.note(`valid until ${generated.expiresAt}; zoomsig decode shows its claims.`);
  }
  return EXIT.ok;
}

function warnOnMeetingLength(meetingNumber: string, output: Output): void {
  const { min, max } = MEETING_NUMBER_DIGITS;
  if (meetingNumber.length < min || meetingNumber.length > max) {
    output.warn(`meeting number ${meetingNumber} has ${meetingNumber.length} digits; Zoom's are ${min} to ${max}. Check it.`);
  }
}
