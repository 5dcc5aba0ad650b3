// Runs the conformance suites against a server through the engine, exactly as the suite files
// plan them (one run plan per suite), without vitest around them: how the self-test asks "would
// the suite catch this?".
import type { Exchange } from '../../contracts/exchange.ts'
import type { Operation } from '../../contracts/operations.ts'
import { createEngine } from '../../suites/engine/engine.ts'
import type { Verdict } from '../../suites/engine/events.ts'
import { PLANS } from '../../suites/scenarios/index.ts'
import type { PlanFor, PlanOptions } from '../../suites/scenarios/types.ts'
import { conformancePlan } from '../../suites/support/conformance-plan.ts'
import { MOCK_SECRETS } from '../../suites/support/mock-secrets.ts'
import type { RunConfig } from '../../suites/support/config.ts'
import { createClient } from '../../suites/transport/client.ts'
import { validators } from './model.ts'

export const ALL_PLANS = Object.values(PLANS)

/** The credentials of a mock-mode run with no SEAM_* variables set. */
export { MOCK_SECRETS }

export async function conformanceFindings(
  endpoint: string,
  operations: Operation[],
  {
    plans = ALL_PLANS,
    rules = 'seam',
    seed = 42,
    runs = 40,
    // Generous: a loaded machine must not turn a slow answer into a finding.
    timeoutMs = 15_000,
    target,
  }: {
    plans?: PlanFor[]
    rules?: PlanOptions['rules']
    seed?: number
    runs?: number
    timeoutMs?: number
    target?: RunConfig['target']
  } = {},
): Promise<Verdict<Exchange>[]> {
  const client = createClient({ endpoint, auth: MOCK_SECRETS, timeoutMs, connections: 8 })
  const settings = { seed, runs, concurrency: 8, rules, auth: MOCK_SECRETS, target }
  const verdicts: Verdict<Exchange>[] = []
  try {
    for (const planFor of plans) {
      const plan = conformancePlan(planFor, operations, settings, validators, client.send)
      await createEngine(plan, (event) => {
        if (event.type === 'check_passed' || event.type === 'violation' || event.type === 'target_failure')
          verdicts.push(event)
      }).run()
    }
    return verdicts
  } finally {
    await client.close()
  }
}

export function failedChecks(verdicts: Verdict<Exchange>[]): string[] {
  return verdicts.filter((v) => v.type === 'violation' || v.type === 'target_failure').map((v) => v.check)
}
