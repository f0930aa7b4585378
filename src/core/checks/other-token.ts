/** The shape shared by the checks that spot another Zoom token pasted as the signature. */
import type { CheckId } from '../finding.js';
import { TOKEN_KIND_ADVICE, TOKEN_KIND_LABELS, type TokenKind } from '../token-kind.js';
import type { Check } from './check.js';

export function otherTokenCheck(id: CheckId, kind: Exclude<TokenKind, 'meeting-sdk' | 'video-sdk'>, title: string): Check {
  return {
    id,
    severity: 'error',
    group: 'Token kind',
    title,
    hint: TOKEN_KIND_ADVICE[kind] ?? '',
    run({ decoded }) {
      return decoded.kind === kind ? [{ message: `This is a ${TOKEN_KIND_LABELS[kind]}.` }] : [];
    },
  };
}
