/** The role claim of each SDK, shared by the role checks. */
import type { CheckContext } from './check.js';

export function roleClaimOf(context: CheckContext): 'role' | 'role_type' | undefined {
  if (context.tokenSdk === 'meeting') return 'role';
  if (context.tokenSdk === 'video') return 'role_type';
  return undefined;
}

/** The string "0" or "1": a role of the right value but the wrong type (claim-type's case). */
export function isStringRole(value: unknown): boolean {
  return value === '0' || value === '1';
}
