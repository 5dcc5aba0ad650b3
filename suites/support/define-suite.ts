// Turns a plan (scenarios × checks per operation) into vitest tests: `describe(operation)`, one
// test per check, failures reported with everything needed to replay them, skips with a reason.
import * as allure from 'allure-js-commons'
import { afterAll, beforeAll, describe, inject, it } from 'vitest'

import { runPlan } from '../scenarios/run-plan.ts'
import { pinnedSpecVersion } from '../../contracts/spec.ts'
import type { Plan, PlanFor } from '../scenarios/types.ts'
import { attachExchange, attachFailure, samplesPass } from './allure/attachments.ts'
import { labelTest } from './allure/labels.ts'
import { redactForReport } from './allure/redact.ts'
import { conformanceContext } from './context.ts'
import { type Observed, observe } from './coverage.ts'
import { ContractFailure } from './contract-failure.ts'
import { secretValues } from '../../contracts/credentials.ts'
import { formatFailure, replayCommand } from '../engine/failure-report.ts'
import { createPipeline, type ExchangeCache } from '../engine/exchange-cache.ts'
import type { Exchange } from '../../contracts/exchange.ts'
import {
  checkScenario,
  PROPERTY_BUDGET_MS,
  operationRequests,
  scenarioPasses,
  type Send,
} from '../engine/property.ts'
import './meta.ts'
import './provided.ts'

export async function defineConformanceSuite(suite: string, planFor: PlanFor): Promise<void> {
  const { config, operations, validators, client } = await conformanceContext()
  afterAll(() => client.close())
  const secrets = secretValues(config.auth)
  const labels = { config, endpoint: inject('endpoint'), specVersion: pinnedSpecVersion() }
  // A test runs at most one property (its check's own, when the one pass over the prefetched
  // exchanges failed), stopped at its budget; the last request may still wait for its own timeout.
  // Twice that, for a loaded machine and for the hook that waits on the operation's prefetch.
  const testTimeout = 2 * (PROPERTY_BUDGET_MS + config.timeoutMs) + 10_000

  const plans = operations.map((operation) =>
    runPlan(planFor, operation, {
      rules: config.rules,
      auth: config.auth,
      ...(config.checks === undefined ? {} : { checks: config.checks }),
    }),
  )
  const pipeline = createPipeline(
    operations.map((operation, index) => ({
      requests: () =>
        operationRequests(config.seed, config.runs, operation, (plans[index] as Plan).scenarios),
    })),
    (request) => client.send(request),
    config.concurrency,
  )

  // `--checks` may leave a suite nothing to do: vitest refuses a file without tests, so say why.
  if (plans.every((plan) => plan.scenarios.length === 0 && plan.skips.length === 0)) {
    it.skip(`no check of the ${suite} suite is selected`)
  }
  for (const [index, operation] of operations.entries()) {
    const plan = plans[index] as Plan
    if (plan.scenarios.length === 0 && plan.skips.length === 0) continue
    const titled = plan.scenarios.length > 1
    const title = (check: string, scenario: string) => (titled ? `${check} · ${scenario}` : check)
    describe(operation.id, () => {
      // Filled before the first test; every check of this operation reads from it.
      let cache: ExchangeCache | undefined
      const exchangesOf = async (scenario: number): Promise<Exchange[]> =>
        (await cache?.group(scenario)) ?? []
      const replaySend = (scenario: number): Send =>
        cache?.replay(scenario) ?? ((request) => client.send(request))
      let observed: Observed | undefined
      beforeAll(async () => {
        cache = await pipeline.enter(index)
        observed = observe(await cache.exchanges())
      }, testTimeout)
      afterAll(() => pipeline.leave(index))
      for (const [at, scenario] of plan.scenarios.entries()) {
        // The scenario's checks all at once first; one by one (to shrink) only if that fails.
        let allPass: Promise<boolean> | undefined
        const common = () => ({ operation, scenario, validators, runSeed: config.seed, runs: config.runs })
        // A fixed sample of passes shows what a good exchange looks like: the scenario's first.
        const attachSampledPass = async (check: string) => {
          if (!samplesPass(operation.id, scenario.name, check)) return
          const [first] = await exchangesOf(at)
          if (first !== undefined) await attachExchange(first, secrets)
        }
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
              // Once per operation and suite, on whichever test runs first.
              if (observed !== undefined) {
                task.meta.coverage = observed
                observed = undefined
              }
              await labelTest({ ...labels, suite, operation, check: check.name, scenario: scenario.name })
              allPass ??= exchangesOf(at).then((exchanges) => scenarioPasses({ ...common(), exchanges }))
              if (await allPass) {
                await attachSampledPass(check.name)
                return
              }
              const outcome = await checkScenario({ ...common(), check, send: replaySend(at) })
              if (outcome.status !== 'passed') {
                await attachFailure(outcome, replayCommand(config, operation.id, check.name), secrets)
                // The report reaches the console, JUnit and Allure: the same redaction as attachments.
                const report = formatFailure(outcome, { operation, check, run: config })
                throw new ContractFailure(redactForReport(report, secrets))
              }
            },
            testTimeout,
          )
        }
      }
      for (const skipped of plan.skips) {
        it(title(skipped.check, skipped.scenario), async ({ task, skip }) => {
          task.meta.conformance = {
            suite,
            operation: operation.id,
            check: skipped.check,
            scenario: skipped.scenario,
          }
          await labelTest({ ...labels, suite, operation, check: skipped.check, scenario: skipped.scenario })
          // allure-vitest does not carry vitest's skip note: the reason goes in the description.
          await allure.description(`Skipped: ${skipped.reason}`)
          skip(skipped.reason)
        })
      }
    })
  }
}
