// Runs the suite's plans against a server the way the suite files do, without vitest around them:
// how the self-test asks "would the suite catch this?".
import type { Operation } from '../../contracts/operations.ts'
import { PLANS } from '../../suites/scenarios/index.ts'
import type { PlanFor, PlanOptions } from '../../suites/scenarios/types.ts'
import { createClient } from '../../suites/transport/client.ts'
import { MOCK_SECRETS } from '../../suites/support/mock-secrets.ts'
import { type Finding, runEngine } from '../../suites/engine/engine.ts'
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
  }: { plans?: PlanFor[]; rules?: PlanOptions['rules']; seed?: number; runs?: number } = {},
): Promise<Finding[]> {
  const client = createClient({ endpoint, auth: MOCK_SECRETS, timeoutMs: 5000 })
  try {
    const planOptions = { rules, auth: MOCK_SECRETS }
    const send = client.send
    const run = await runEngine({
      operations,
      plans,
      planOptions,
      validators,
      send,
      runSeed: seed,
      runs,
      concurrency: 8,
    })
    return run.findings
  } finally {
    await client.close()
  }
}

export function failedChecks(findings: Finding[]): string[] {
  return findings.filter((f) => f.outcome.status !== 'passed').map((f) => f.check)
}
