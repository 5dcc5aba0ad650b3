import type { FailureCategory } from './events.ts'

/** Why a violated check failed, read from the status its counterexample got. */
export function violationCategory(status: number | undefined): Exclude<FailureCategory, 'transport'> {
  if (status === 404 || status === 405) return 'operation_missing'
  if (status !== undefined && status >= 500) return 'server_error'
  return 'contract_violation'
}
