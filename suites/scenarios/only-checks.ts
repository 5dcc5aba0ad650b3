import type { Plan } from './types.ts'

/** A plan narrowed to some checks (`--checks`): scenarios left with no check are not sent at all. */
export function onlyChecks(plan: Plan, checks: string[] | undefined): Plan {
  if (checks === undefined) return plan
  const wanted = (name: string) => checks.includes(name)
  return {
    scenarios: plan.scenarios
      .map((scenario) => ({ ...scenario, checks: scenario.checks.filter((check) => wanted(check.name)) }))
      .filter((scenario) => scenario.checks.length > 0),
    skips: plan.skips.filter((skip) => wanted(skip.check)),
  }
}
