// Runs the positive checks of some operations against a server, the way the suite does, and
// returns what failed: how the self-test asks "would the suite catch this?".
import type { Operation } from '../../contracts/operations.ts'
import { checksFor } from '../../suites/checks/index.ts'
import { createClient } from '../../suites/support/client.ts'
import { MOCK_API_KEY } from '../../suites/support/config.ts'
import { type CheckOutcome, checkValidRequests, memoizeSend } from '../../suites/support/property.ts'
import { validators } from './model.ts'

export type Finding = { operation: string; check: string; outcome: CheckOutcome }

export async function conformanceFindings(
  endpoint: string,
  operations: Operation[],
  options = { seed: 42, runs: 40 },
) {
  const client = createClient({
    endpoint,
    credentials: { kind: 'api_key', apiKey: MOCK_API_KEY },
    timeoutMs: 5000,
  })
  const results: Finding[] = []
  try {
    for (const operation of operations) {
      const send = memoizeSend((request) => client.send(request))
      for (const check of checksFor(operation)) {
        const outcome = await checkValidRequests({
          operation,
          check,
          validators,
          send,
          runSeed: options.seed,
          runs: options.runs,
        })
        results.push({ operation: operation.id, check: check.name, outcome })
      }
    }
  } finally {
    await client.close()
  }
  return results
}

export function failedChecks(findings: Finding[]): string[] {
  return findings.filter((f) => f.outcome.status !== 'passed').map((f) => f.check)
}
