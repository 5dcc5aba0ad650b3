// Turns a suite's run plan into vitest tests: `describe(operation)`, one test per check. The engine
// judges; each test records the engine's verdict in its meta, attaches the evidence to Allure and,
// on a failure, throws the report that replays it.
import * as allure from 'allure-js-commons'
import { afterAll, beforeAll, describe, inject, it, type TaskMeta } from 'vitest'

import type { Exchange, RespondedExchange } from '../../contracts/exchange.ts'
import { pinnedSpecVersion } from '../../contracts/spec.ts'
import { ALL_CHECKS } from '../checks/index.ts'
import type { CheckContext, CheckMeta } from '../checks/types.ts'
import { createEngine, type OperationRun, PROPERTY_BUDGET_MS } from '../engine/engine.ts'
import type { Verdict } from '../engine/events.ts'
import { formatFailure } from '../engine/failure-report.ts'
import type { PlanFor } from '../scenarios/types.ts'
import { attachExchange, attachFailure, samplesPass } from './allure/attachments.ts'
import { labelOutcome, labelTest } from './allure/labels.ts'
import { redactForReport } from './allure/redact.ts'
import { conformancePlan } from './conformance-plan.ts'
import { type ConformanceContext, conformanceContext } from './context.ts'
import { observeOperation } from './coverage.ts'
import { ContractFailure } from './contract-failure.ts'
import { secretValues } from '../../contracts/credentials.ts'
import type { ConformanceMeta } from './meta.ts'
import './provided.ts'

type Run = OperationRun<CheckContext, Exchange, RespondedExchange>

export async function defineConformanceSuite(
  suite: string,
  planFor: PlanFor,
  context?: ConformanceContext,
): Promise<void> {
  const { config, operations, validators, client, ids, onVerdict } = context ?? (await conformanceContext())
  afterAll(() => client.close())
  const secrets = secretValues(config.auth)
  const labels = { config, endpoint: inject('endpoint'), specVersion: pinnedSpecVersion() }
  // A test runs at most one property (its check's own, when the one pass over the prefetched
  // exchanges failed), stopped at its budget; the last request may still wait for its own timeout.
  // Twice that, for a loaded machine and for the hook that waits on the operation's prefetch.
  const testTimeout = 2 * (PROPERTY_BUDGET_MS + config.timeoutMs) + 10_000
  const plan = conformancePlan(planFor, operations, { ...config, ids }, validators, client.send)
  const engine = createEngine(plan)

  // `--checks` may leave a suite nothing to do: vitest refuses a file without tests, so say why.
  if (plan.operations.length === 0 && config.shard !== undefined) {
    it.skip(`shard ${config.shard.index}/${config.shard.count} holds none of the selected operations`)
  } else if (plan.operations.every(({ scenarios, skips }) => scenarios.length === 0 && skips.length === 0)) {
    it.skip(`no check of the ${suite} suite is selected`)
  }
  for (const [index, { operation, scenarios, skips }] of plan.operations.entries()) {
    if (scenarios.length === 0 && skips.length === 0) continue
    const titled = scenarios.length > 1
    const title = (check: string, scenario: string) => (titled ? `${check} · ${scenario}` : check)
    describe(operation.id, () => {
      // Entered before the first test; every check of this operation is judged through it.
      let run: Run | undefined
      // Once per operation and suite, on whichever test runs first.
      let firstTest = true
      // When the operation's block began, its prefetch included: what it costs (the shards' balance).
      let started = 0
      beforeAll(async () => {
        started = performance.now()
        run = await engine.enter(index)
      }, testTimeout)
      afterAll(() => engine.leave(index))
      const record = async (task: { meta: TaskMeta }, verdict: Verdict<Exchange>) => {
        const meta: ConformanceMeta = {
          suite,
          operation: operation.id,
          check: verdict.check,
          scenario: verdict.scenario,
          ...outcomeOf(verdict),
        }
        task.meta.conformance = meta
        task.meta.operationMs = performance.now() - started
        onVerdict?.(verdict)
        if (firstTest && run !== undefined) {
          firstTest = false
          task.meta.coverage = observeOperation(operation, await run.answers())
          task.meta.requests = run.requests()
        }
        const check = checkNamed(verdict.check)
        await labelTest({ ...labels, suite, operation, check, scenario: verdict.scenario })
        await labelOutcome(meta)
      }
      for (const [at, scenario] of scenarios.entries()) {
        for (const check of scenario.checks) {
          it(
            title(check.name, scenario.name),
            async ({ task }) => {
              const verdict = await (run as Run).judge(at, check)
              await record(task, verdict)
              if (verdict.type === 'check_passed') {
                // A fixed sample of passes shows what a good exchange looks like: the scenario's first.
                if (!samplesPass(operation.id, scenario.name, check.name)) return
                const [first] = await (run as Run).answers(at)
                if (first !== undefined) await attachExchange(first, secrets)
                return
              }
              if (verdict.type === 'skipped') return
              await attachFailure(verdict, secrets)
              // The report reaches the console, JUnit and Allure: the same redaction as attachments.
              throw new ContractFailure(redactForReport(formatFailure(verdict, check.description), secrets))
            },
            testTimeout,
          )
        }
      }
      for (const skipped of skips) {
        it(title(skipped.check, skipped.scenario), async ({ task, skip }) => {
          await record(task, (run as Run).skip(skipped))
          // allure-vitest does not carry vitest's skip note: the reason goes in the description.
          await allure.description(`Skipped: ${skipped.reason}`)
          skip(skipped.reason)
        })
      }
    })
  }
}

/** The typed part of a test's meta: what the reporters read instead of the failure message. */
function outcomeOf(
  verdict: Verdict<Exchange>,
): Omit<ConformanceMeta, 'suite' | 'operation' | 'check' | 'scenario'> {
  switch (verdict.type) {
    case 'check_passed':
      return { outcome: 'passed' }
    case 'skipped':
      return { outcome: 'skipped', detail: verdict.reason }
    case 'target_failure':
      return { outcome: 'target_failure', category: 'transport', detail: verdict.error }
    case 'violation':
      return {
        outcome: 'violation',
        severity: verdict.severity,
        category: verdict.category,
        detail: describeViolation(verdict.violations[0]),
      }
  }
}

/** The first violation in one line; a spec finding says how the spec is at fault. */
function describeViolation(violation: { message: string; spec?: string } | undefined): string {
  if (violation === undefined) return ''
  return violation.spec === undefined ? violation.message : `${violation.message} (${violation.spec})`
}

function checkNamed(name: string): Pick<CheckMeta, 'name' | 'severity'> {
  return ALL_CHECKS.find((check) => check.name === name) ?? { name, severity: 'normal' }
}
