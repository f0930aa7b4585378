/** The shape shared by the checks that name a mistake made with the secret. */
import type { SecretVariant } from '../secret-forensics.js';
import type { Check, CheckContext, FindingDraft } from './check.js';

export function secretMistakeCheck(
  id: SecretVariant['id'],
  title: string,
  hint: string,
  extra?: (context: CheckContext) => FindingDraft[],
): Check {
  return {
    id,
    severity: 'error',
    group: 'Signature',
    title,
    hint,
    run(context) {
      const { signature } = context;
      if (!signature.checked) return undefined;
      const diagnosis = signature.diagnosis;
      if (diagnosis?.id === id) {
        const whose = diagnosis.secret ? ` (${diagnosis.secret.label}, ${diagnosis.secret.masked})` : '';
        return [{ message: `The token was signed with ${diagnosis.description}${whose}.` }];
      }
      return extra?.(context) ?? [];
    },
  };
}
