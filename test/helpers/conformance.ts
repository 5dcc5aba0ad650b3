// Runs the suite's plans against a server the way the suite files do, without vitest around them,
// and returns every outcome: how the self-test asks "would the suite catch this?".
import type { Operation } from '../../contracts/operations.ts'
import { authPlan } from '../../suites/scenarios/auth.ts'
import { negativePlan } from '../../suites/scenarios/negative.ts'
import { positivePlan } from '../../suites/scenarios/positive.ts'
import type { PlanFor, PlanOptions } from '../../suites/scenarios/types.ts'
import { createClient } from '../../suites/support/client.ts'
import { MOCK_API_KEY, MOCK_PERSONAL_ACCESS_TOKEN, MOCK_WORKSPACE_ID } from '../../suites/support/config.ts'
import { createExchangeCache } from '../../suites/support/exchange-cache.ts'
import { type CheckOutcome, checkScenario } from '../../suites/support/property.ts'
import { validators } from './model.ts'

export const ALL_PLANS = [positivePlan, negativePlan, authPlan]

export const MOCK_SECRETS: PlanOptions['auth'] = {
  primary: 'api_key',
  apiKey: MOCK_API_KEY,
  personalAccessToken: MOCK_PERSONAL_ACCESS_TOKEN,
  workspaceId: MOCK_WORKSPACE_ID,
}

export type Finding = { operation: string; scenario: string; check: string; outcome: CheckOutcome }

export async function conformanceFindings(
  endpoint: string,
  operations: Operation[],
  {
    plans = ALL_PLANS,
    rules = 'seam',
    seed = 42,
    runs = 40,
  }: { plans?: PlanFor[]; rules?: PlanOptions['rules']; seed?: number; runs?: number } = {},
): Promise<Finding[]> {
  const client = createClient({ endpoint, auth: MOCK_SECRETS, timeoutMs: 5000 })
  const findings: Finding[] = []
  try {
    for (const operation of operations) {
      const { send } = createExchangeCache((request) => client.send(request))
      for (const plan of plans) {
        for (const scenario of plan(operation, { rules, auth: MOCK_SECRETS }).scenarios) {
          for (const check of scenario.checks) {
            const outcome = await checkScenario({
              operation,
              scenario,
              check,
              validators,
              send,
              runSeed: seed,
              runs,
            })
            findings.push({ operation: operation.id, scenario: scenario.name, check: check.name, outcome })
          }
        }
      }
    }
  } finally {
    await client.close()
  }
  return findings
}

/** `check` or `check (first violation)` for every failed outcome. */
export function failedChecks(findings: Finding[]): string[] {
  return findings.filter((f) => f.outcome.status !== 'passed').map((f) => f.check)
}
