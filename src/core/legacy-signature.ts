/**
 * The retired JWT-app Web SDK signature:
 *   base64(apiKey + "." + meetingNumber + "." + ts + "." + role + "." + hash)
 * where hash = base64(HMAC-SHA256(apiSecret, base64(apiKey + meetingNumber + ts + role))).
 */
export interface LegacyFields {
  apiKey: string;
  meetingNumber: string;
  /** Milliseconds since the Unix epoch, as the format writes it. */
  timestamp: number;
  role: string;
  /** base64 of the HMAC, as carried in the signature. */
  hash: string;
}

/**
 * What a server writes for a value it never got: JavaScript's undefined or
 * null turned into text, or nothing (a body that was not parsed as JSON).
 */
const NEVER_GIVEN = /^(?:|undefined|null|NaN)$/;

/** Splits the decoded text of a legacy signature into its fields, or undefined. */
export function decodeLegacySignature(text: string): LegacyFields | undefined {
  const fields = text.split('.');
  if (fields.length !== 5) return undefined;
  const [apiKey, meetingNumber, timestamp, role, hash] = fields as [string, string, string, string, string];
  if (apiKey === '' || !/^\d+$/.test(timestamp) || hash === '') return undefined;
  if (!(/^[\d\s-]*$/.test(meetingNumber) || NEVER_GIVEN.test(meetingNumber)) || !/^[A-Za-z0-9+/=_-]+$/.test(hash)) return undefined;
  return { apiKey, meetingNumber, timestamp: Number(timestamp), role, hash };
}

/** The legacy fields whose value the server never got ("undefined", "null", empty). */
export function neverGivenLegacyFields(fields: LegacyFields): ('meetingNumber' | 'role')[] {
  return (['meetingNumber', 'role'] as const).filter((name) => NEVER_GIVEN.test(fields[name]));
}
