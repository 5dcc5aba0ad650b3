// Valid requests, valid credentials: every operation keeps its contract — no server errors,
// documented status codes, 2xx, JSON, bodies that match their schemas, and the void/object shape.
import { afterAll, describe, it } from 'vitest'

import { checksFor } from './checks/index.ts'
import { conformanceContext } from './support/context.ts'
import { secretVariable } from './support/credentials.ts'
import { ContractFailure } from './support/contract-failure.ts'
import { formatFailure } from './support/failure-report.ts'
import { checkValidRequests, memoizeSend } from './support/property.ts'

const { config, operations, validators, client } = await conformanceContext()
afterAll(() => client.close())

for (const operation of operations) {
  describe(operation.id, () => {
    // Every check of an operation replays the same seeded requests: each is sent once.
    const send = memoizeSend((request) => client.send(request))
    for (const check of checksFor(operation)) {
      it(check.name, async () => {
        const outcome = await checkValidRequests({
          operation,
          check,
          validators,
          send,
          runSeed: config.seed,
          runs: config.runs,
        })
        if (outcome.status !== 'passed') {
          throw new ContractFailure(
            formatFailure(outcome, {
              operation,
              checkName: check.name,
              runSeed: config.seed,
              secretVariable: secretVariable(config.credentials),
            }),
          )
        }
      })
    }
  })
}
