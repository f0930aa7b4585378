/**
 * The sentences of a diagnosis that every view shows (the terminal's report,
 * the web page): the verdict, what became of the signature, the timeline's
 * points. Pure.
 */
import { wrongSignatureLength } from './checks/signature-length.js';
import type { Diagnosis } from './doctor.js';
import { countFindings } from './finding.js';

/** The verdict as a sentence; `strict` when warnings fail the run. */
export function verdictSentence(diagnosis: Diagnosis, strict: boolean): string {
  const counts = countFindings(diagnosis.findings);
  switch (diagnosis.verdict) {
    case 'fail':
      return `Zoom would reject this token: ${counts}.`;
    case 'warn':
      return strict ? `${counts}, which fail with --strict.` : `Zoom would likely accept this token, but look at the ${counts}.`;
    case 'ok':
      return diagnosis.signature.valid
        ? 'No problems: Zoom would accept this signature.'
        : 'No problems found in the token (the signature itself was not checked).';
  }
}

/** What became of the signature, or undefined when there is nothing to say. */
export function signatureSentence(diagnosis: Diagnosis): string | undefined {
  const { signature, decoded } = diagnosis;
  if (signature.matched) {
    const encoding = signature.valid || diagnosis.kind === 'legacy-web-signature' ? '' : ', but the token is not encoded as Zoom requires';
    return `matches ${signature.matched.label} (${signature.matched.masked})${encoding}`;
  }
  if (signature.checked) {
    const mismatch = `does not match ${signature.tried.length > 1 ? 'any of the secrets' : 'the secret'} given`;
    // Cut or run on, it can match no secret (a hex HMAC was compared as the bytes it spells: its mismatch is the secret's).
    const wrong = wrongSignatureLength(decoded);
    return wrong !== undefined && !wrong.hex ? `${mismatch}, nor could any: it is ${wrong.bytes} bytes, not 32 (signature-length)` : mismatch;
  }
  if (signature.unreadable !== undefined) return `not checked: ${signature.unreadable}`;
  if (signature.checkable) return 'not checked: no secret given';
  if (decoded.format !== 'jwt') return undefined;
  if (diagnosis.kind === 'oauth-token' || diagnosis.kind === 'zak') return 'signed by Zoom, not by you: no secret of yours verifies it';
  if (decoded.header?.alg !== 'HS256') return `not checked: Zoom accepts only HS256, and this says ${JSON.stringify(decoded.header?.alg) ?? 'nothing'}`;
  return undefined;
}

export interface TimelinePoint {
  label: string;
  /** Unix seconds. */
  at: number;
}

/** iat, exp, tokenExp (as seconds) and now, when the token has time claims. */
export function timelinePoints(diagnosis: Diagnosis): TimelinePoint[] {
  const points = Object.entries(diagnosis.seconds).flatMap(([label, at]) => (at === undefined ? [] : [{ label, at }]));
  return points.length === 0 ? [] : [...points, { label: 'now', at: diagnosis.now }];
}
