import type { Violation } from '../checks/types.ts'
import type { FailureCategory } from './events.ts'

/**
 * Why a violated check failed: the spec's own fault when every violation says so, else read from
 * the status its counterexample got.
 */
export function violationCategory(
  status: number | undefined,
  violations: Pick<Violation, 'spec'>[] = [],
): Exclude<FailureCategory, 'transport'> {
  if (violations.length > 0 && violations.every((violation) => violation.spec !== undefined)) return 'spec'
  if (status === 404 || status === 405) return 'operation_missing'
  if (status !== undefined && status >= 500) return 'server_error'
  return 'contract_violation'
}
