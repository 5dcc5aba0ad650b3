// The suites' plans run without vitest around them: what the self-test and the benchmark drive.
// The same pieces as the suite files — plans, prefetch, cache, properties — in the same order.
import type { Operation } from '../../contracts/operations.ts'
import type { Validators } from '../../contracts/validators.ts'
import type { PlanFor, PlanOptions } from '../scenarios/types.ts'
import { runPlan } from '../scenarios/run-plan.ts'
import { createPipeline } from './exchange-cache.ts'
import { type CheckOutcome, checkScenario, operationRequests, scenarioPasses, type Send } from './property.ts'

export type Finding = { operation: string; scenario: string; check: string; outcome: CheckOutcome }

export type EngineRun = {
  findings: Finding[]
  /** Property cases run, over all checks. */
  cases: number
  /**
   * Where the time went: generating the prefetched requests, waiting for their answers (what the
   * pipeline did not hide behind the checks), running the checks.
   */
  timings: { generationMs: number; transportMs: number; checksMs: number }
}

export type EngineOptions = {
  operations: Operation[]
  plans: PlanFor[]
  planOptions: PlanOptions & { checks?: string[] }
  validators: Validators
  send: Send
  runSeed: number
  runs: number
  concurrency: number
}

export async function runEngine(options: EngineOptions): Promise<EngineRun> {
  const { operations, plans, planOptions, validators, runSeed, runs, concurrency } = options
  const run: EngineRun = { findings: [], cases: 0, timings: { generationMs: 0, transportMs: 0, checksMs: 0 } }
  const timeSync = <T>(key: keyof EngineRun['timings'], work: () => T): T => {
    const started = performance.now()
    const result = work()
    run.timings[key] += performance.now() - started
    return result
  }
  const time = async <T>(key: keyof EngineRun['timings'], work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now()
    try {
      return await work()
    } finally {
      run.timings[key] += performance.now() - started
    }
  }
  const stages = operations.map((operation) => {
    const scenarios = plans.flatMap((plan) => runPlan(plan, operation, planOptions).scenarios)
    const requests = () => operationRequests(runSeed, runs, operation, scenarios)
    return { operation, scenarios, requests }
  })
  const pipeline = createPipeline(
    stages.map((stage) => ({ requests: () => timeSync('generationMs', stage.requests) })),
    options.send,
    concurrency,
  )
  for (const [index, { operation, scenarios }] of stages.entries()) {
    // Entering may generate the next stages' requests: that time is generation's, not transport's.
    const generatedBefore = run.timings.generationMs
    const cache = await time('transportMs', () => pipeline.enter(index))
    run.timings.transportMs -= run.timings.generationMs - generatedBefore
    for (const [at, scenario] of scenarios.entries()) {
      const common = { operation, scenario, validators, runSeed, runs }
      const exchanges = await cache.group(at)
      const allPass = timeSync('checksMs', () => scenarioPasses({ ...common, exchanges }))
      for (const check of scenario.checks) {
        const outcome: CheckOutcome = allPass
          ? { status: 'passed', runs }
          : await time('checksMs', () => checkScenario({ ...common, check, send: cache.replay(at) }))
        run.cases += outcome.runs
        run.findings.push({ operation: operation.id, scenario: scenario.name, check: check.name, outcome })
      }
    }
    pipeline.leave(index)
  }
  return run
}
