/** decode's two views of a decoded token: text for people, JSON for scripts. */
import type { DecodedToken } from '../../core/decode-token.js';
import { cutText } from '../../core/mask.js';
import { isoFromSeconds } from '../../core/time.js';
import { timeClaimsOf, type TimeClaim } from '../../core/time-claims.js';
import { TOKEN_KIND_ADVICE, TOKEN_KIND_LABELS } from '../../core/token-kind.js';
import { formatFindings } from '../../core/checks/run-checks.js';
import type { Output } from '../io.js';
import { fieldLine } from './field-line.js';
import { findingLines } from './findings.js';

const NOT_CHECKED = 'not checked: run zoomsig verify with your secret to check it.';
const SIGNED_BY_ZOOM = 'signed by Zoom, not by you: no secret of yours verifies it.';

/** Format findings decode shows itself: what the input is when it is not a token. */
const NOT_A_TOKEN_IDS = new Set(['not-a-token', 'bare-hmac', 'encoded-key-only']);

function signatureNote(decoded: DecodedToken): string {
  return decoded.kind === 'oauth-token' || decoded.kind === 'zak' ? SIGNED_BY_ZOOM : NOT_CHECKED;
}

export function decodeJson(decoded: DecodedToken, now: number): Record<string, unknown> {
  return {
    schemaVersion: 1,
    kind: decoded.kind,
    format: decoded.format,
    header: decoded.header ?? null,
    payload: decoded.payload ?? null,
    timeClaims: timeClaimsOf(decoded, now),
    legacy: decoded.legacy ? { ...decoded.legacy, timestampIso: isoFromSeconds(Math.floor(decoded.legacy.timestamp / 1000)) ?? null } : null,
    encodedText: decoded.encodedText ?? null,
    unwrapped: decoded.unwrapped.map((u) => u.description),
    problems: decoded.problems,
    signature: { checked: false, note: signatureNote(decoded) },
    now: isoFromSeconds(now),
  };
}

export function decodeText(decoded: DecodedToken, now: number, output: Output): string {
  const lines: string[] = [];
  const label = (text: string): string => output.paint('bold', text);
  lines.push(fieldLine(output, 'kind', TOKEN_KIND_LABELS[decoded.kind]));
  if (decoded.unwrapped.length > 0) {
    lines.push(fieldLine(output, 'cleaned', `took off ${decoded.unwrapped.map((u) => u.description).join(', ')}`));
  }
  const claims = timeClaimsOf(decoded, now);

  if (decoded.header) lines.push('', label('header'), ...objectLines(decoded.header, [], output));
  if (decoded.payload) lines.push('', label('payload'), ...objectLines(decoded.payload, claims, output));
  if (decoded.legacy) {
    const { apiKey, meetingNumber, role, hash } = decoded.legacy;
    lines.push(
      '',
      label('legacy fields'),
      ...objectLines({ apiKey, meetingNumber, timestamp: decoded.legacy.timestamp, role, hash }, claims, output),
    );
  }
  const notAToken = formatFindings(decoded).filter((finding) => NOT_A_TOKEN_IDS.has(finding.id));
  if (notAToken.length > 0) lines.push('', ...findingLines(notAToken, output));
  if (decoded.problems.length > 0 && notAToken.length === 0) {
    lines.push('', label('problems'), ...decoded.problems.map((p) => `  ${output.paint('red', '✗')} ${p.message}`));
  }
  if (decoded.format === 'jwt' || decoded.format === 'legacy') {
    const size = decoded.signatureBytes === undefined ? '' : `${decoded.signatureBytes} bytes, `;
    lines.push('', fieldLine(output, 'signature', `${size}${signatureNote(decoded)}`));
  }
  const advice = TOKEN_KIND_ADVICE[decoded.kind];
  if (advice) lines.push('', `${output.paint('yellow', '!')} ${advice}`);
  if (claims.length > 0) lines.push('', output.paint('dim', `times relative to ${isoFromSeconds(now) ?? now}`));
  return lines.join('\n');
}

function objectLines(object: Record<string, unknown>, claims: readonly TimeClaim[], output: Output): string[] {
  const keys = Object.keys(object);
  const width = Math.min(24, Math.max(0, ...keys.map((k) => k.length)));
  return keys.map((key) => {
    const shown = show(object[key], output);
    const time = claims.find((claim) => claim.claim === key);
    const when = time?.iso === undefined ? '' : `   ${time.iso}  ${time.relative ?? ''}${time.unit === 'milliseconds' ? '  (milliseconds)' : ''}`;
    return `  ${key.padEnd(width)}  ${shown}${when}`;
  });
}

/** A claim's value as JSON, cut at 200 characters once its secrets are masked. */
function show(value: unknown, output: Output): string {
  return cutText(JSON.stringify(value) ?? String(value), 200, output.protectedValues());
}
