/**
 * Every check zoomsig has, by id: the token checks of doctor and verify,
 * then those of `zoomsig check` (credentials, endpoint). One vocabulary for
 * explain, the docs pages and reports that mix both.
 */
import type { CheckInfo } from './checks/check.js';
import { CHECKS, checkById } from './checks/registry.js';
import { SMOKE_CHECKS, smokeCheckById } from './smoke/registry.js';
import type { AnyCheckId } from './smoke/smoke-check.js';

export const ALL_CHECKS: readonly CheckInfo<AnyCheckId>[] = [...CHECKS, ...SMOKE_CHECKS];

export function anyCheckById(id: string): CheckInfo<AnyCheckId> | undefined {
  return checkById(id) ?? smokeCheckById(id);
}
