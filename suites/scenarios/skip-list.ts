import type { Operation } from '../../contracts/operations.ts'
import { type SkipEntry, SKIPS } from '../../contracts/skips.ts'
import type { Plan } from './types.ts'

/** A plan with the skip list's entries for the operation taken out as skips, with their reasons. */
export function applySkipList(plan: Plan, operation: Operation, skips: SkipEntry[] = SKIPS): Plan {
  const entries = skips.filter((entry) => entry.operation === operation.id)
  if (entries.length === 0) return plan
  const reasonFor = (check: string) =>
    entries.find((entry) => entry.checks === undefined || entry.checks.includes(check))?.reason
  const out: Plan = { scenarios: [], skips: [...plan.skips] }
  for (const scenario of plan.scenarios) {
    const kept = scenario.checks.filter((check) => reasonFor(check.name) === undefined)
    for (const check of scenario.checks.filter((check) => !kept.includes(check))) {
      out.skips.push({
        check: check.name,
        scenario: scenario.name,
        reason: `skip list: ${reasonFor(check.name)}`,
      })
    }
    if (kept.length > 0) out.scenarios.push({ ...scenario, checks: kept })
  }
  return out
}
