// Turns a plan (scenarios × checks per operation) into vitest tests: `describe(operation)`, one
// test per check, failures reported with everything needed to replay them, skips with a reason.
import { afterAll, beforeAll, describe, it } from 'vitest'

import type { PlanFor } from '../scenarios/types.ts'
import { conformanceContext } from './context.ts'
import { ContractFailure } from './contract-failure.ts'
import { formatFailure } from './failure-report.ts'
import { createExchangeCache } from './exchange-cache.ts'
import { checkScenario, PROPERTY_BUDGET_MS, scenarioRequests } from './property.ts'
import './provided.ts'

export type ConformanceMeta = { suite: string; operation: string; check: string; scenario: string }

declare module 'vitest' {
  interface TaskMeta {
    conformance?: ConformanceMeta
  }
}

export async function defineConformanceSuite(suite: string, planFor: PlanFor): Promise<void> {
  const { config, operations, validators, client } = await conformanceContext()
  afterAll(() => client.close())
  // A property stops at its budget; the last request may still wait for its own timeout.
  const testTimeout = PROPERTY_BUDGET_MS + 2 * config.timeoutMs + 10_000

  for (const operation of operations) {
    const plan = planFor(operation, { rules: config.rules, auth: config.auth })
    const titled = plan.scenarios.length > 1
    const title = (check: string, scenario: string) => (titled ? `${check} · ${scenario}` : check)
    describe(operation.id, () => {
      const cache = createExchangeCache((request) => client.send(request))
      const send = cache.send
      beforeAll(async () => {
        for (const scenario of plan.scenarios) {
          await cache.prefetch(
            scenarioRequests(config.seed, config.runs, operation, scenario),
            config.concurrency,
          )
        }
      }, testTimeout)
      afterAll(() => cache.clear())
      for (const scenario of plan.scenarios) {
        for (const check of scenario.checks) {
          it(
            title(check.name, scenario.name),
            async ({ task }) => {
              task.meta.conformance = {
                suite,
                operation: operation.id,
                check: check.name,
                scenario: scenario.name,
              }
              const outcome = await checkScenario({
                operation,
                scenario,
                check,
                validators,
                send,
                runSeed: config.seed,
                runs: config.runs,
              })
              if (outcome.status !== 'passed') {
                throw new ContractFailure(formatFailure(outcome, { operation, check, run: config }))
              }
            },
            testTimeout,
          )
        }
      }
      for (const skipped of plan.skips) {
        it(title(skipped.check, skipped.scenario), ({ task, skip }) => {
          task.meta.conformance = {
            suite,
            operation: operation.id,
            check: skipped.check,
            scenario: skipped.scenario,
          }
          skip(skipped.reason)
        })
      }
    })
  }
}
