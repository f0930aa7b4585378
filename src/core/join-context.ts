/**
 * The object an app passes to `client.join()` / `ZoomMtg.join()`, read from
 * `doctor --join <file>`: the values the signature has to agree with.
 * Pure: parsing text, no file access.
 */
import { ZoomsigError } from './errors.js';
import { isJsonObject, parseJsonLimited } from './json-value.js';

export interface JoinContext {
  /** meetingNumber as written (string or number). */
  meetingNumber?: unknown;
  /** sdkKey (deprecated in Web SDK 4.0.0 but still read) or appKey. */
  sdkKey?: unknown;
  zak?: unknown;
  role?: unknown;
  signature?: unknown;
  /** obfToken: the on-behalf token for meetings of other accounts. */
  obfToken?: unknown;
  /** apiKey: the retired JWT-app key, refused by Web SDK 2.7.0 and later. */
  apiKey?: unknown;
  /** Every key of the object, for messages. */
  keys: string[];
}

/** Parses the JSON of a join() object; a usage error says what is wrong with it. */
export function parseJoinContext(text: string, source: string): JoinContext {
  const parsed = parseJsonLimited(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) {
    const reason = parsed.reason;
    throw new ZoomsigError(
      'UNREADABLE_INPUT',
      `${source} is not JSON (${reason}). Save the object you pass to join() as JSON: {"meetingNumber": "…", "signature": "…", "zak": "…"}.`,
    );
  }
  const value = parsed.value;
  if (!isJsonObject(value)) {
    throw new ZoomsigError('UNREADABLE_INPUT', `${source} must hold one JSON object, the one you pass to join().`);
  }
  const object = value;
  const pick = (...names: string[]): unknown => {
    const name = names.find((n) => Object.hasOwn(object, n));
    return name === undefined ? undefined : object[name];
  };
  const join: JoinContext = { keys: Object.keys(object) };
  const fields: [keyof Omit<JoinContext, 'keys'>, unknown][] = [
    ['meetingNumber', pick('meetingNumber', 'meetingNo', 'mn')],
    ['sdkKey', pick('sdkKey', 'appKey')],
    ['zak', pick('zak')],
    ['role', pick('role')],
    ['signature', pick('signature')],
    ['obfToken', pick('obfToken')],
    ['apiKey', pick('apiKey')],
  ];
  for (const [field, fieldValue] of fields) if (fieldValue !== undefined) join[field] = fieldValue;
  return join;
}
