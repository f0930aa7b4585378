/**
 * decode's views of a decoded token: text for people, JSON for scripts. Both
 * (and the GitHub annotations) show the same findings, decodeFindings'.
 */
import type { DecodedToken } from '../../core/decode-token.js';
import { cutText } from '../../core/mask.js';
import { bySeverity, verdictOf, type Finding } from '../../core/finding.js';
import { isoFromSeconds } from '../../core/time.js';
import { timeClaimsOf, type TimeClaim } from '../../core/time-claims.js';
import { TOKEN_KIND_ADVICE, TOKEN_KIND_LABELS } from '../../core/token-kind.js';
import { formatFindings } from '../../core/checks/run-checks.js';
import type { Output } from '../io.js';
import { fieldLine } from './field-line.js';
import { findingLines } from './findings.js';

const NOT_CHECKED = 'not checked: run zoomsig verify with your secret to check it.';
const SIGNED_BY_ZOOM = 'signed by Zoom, not by you: no secret of yours verifies it.';

/** What decode finds: the Format checks, which need nothing but the token; errors first. */
export function decodeFindings(decoded: DecodedToken): Finding[] {
  return bySeverity(formatFindings(decoded));
}

function signatureNote(decoded: DecodedToken): string {
  return decoded.kind === 'oauth-token' || decoded.kind === 'zak' ? SIGNED_BY_ZOOM : NOT_CHECKED;
}

export function decodeJson(decoded: DecodedToken, findings: readonly Finding[], now: number): Record<string, unknown> {
  return {
    schemaVersion: 1,
    kind: decoded.kind,
    format: decoded.format,
    verdict: verdictOf(findings),
    findings,
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

export function decodeText(decoded: DecodedToken, findings: readonly Finding[], now: number, output: Output): string {
  const lines: string[] = [];
  const label = (text: string): string => output.paint('bold', text);
  lines.push(fieldLine(output, 'kind', TOKEN_KIND_LABELS[decoded.kind]));
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
  if (findings.length > 0) lines.push('', ...findingLines(findings, output));
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
