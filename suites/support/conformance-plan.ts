// A conformance suite's run plan: what `npm run conformance` runs for one suite file, and what the
// self-test and the benchmark run through the same engine.
import type { IdBindings } from '../../contracts/arbitraries/bound-ids.ts'
import type { Exchange, RespondedExchange } from '../../contracts/exchange.ts'
import type { Operation } from '../../contracts/operations.ts'
import type { Validators } from '../../contracts/validators.ts'
import type { CheckContext } from '../checks/types.ts'
import type { OperationPlan, RunPlan } from '../engine/engine.ts'
import { httpTarget, type Send } from '../engine/target.ts'
import { runPlan } from '../scenarios/run-plan.ts'
import type { PlanFor } from '../scenarios/types.ts'
import { DEFAULTS, type RunConfig } from './config.ts'
import { seedFlag } from '../engine/seed-flag.ts'

/** What a conformance run's plan depends on: everything that changes which requests are sent. */
export type SuiteSettings = Pick<RunConfig, 'seed' | 'runs' | 'concurrency' | 'rules' | 'auth'> & {
  checks?: string[] | undefined
  endpoint?: string | undefined
  /** Live mode's replay line must say so: without it the command runs against the mock. */
  target?: RunConfig['target'] | undefined
  /** Live mode: the workspace's real IDs, by parameter name. */
  ids?: IdBindings | undefined
}

export type ConformancePlan = RunPlan<CheckContext, Exchange, RespondedExchange>

export function conformancePlan(
  planFor: PlanFor,
  operations: Operation[],
  settings: SuiteSettings,
  validators: Validators,
  send: Send,
): ConformancePlan {
  const planOptions = {
    rules: settings.rules,
    auth: settings.auth,
    ...(settings.checks === undefined ? {} : { checks: settings.checks }),
    ...(settings.ids === undefined ? {} : { ids: settings.ids }),
  }
  return {
    operations: operations.map((operation): OperationPlan<CheckContext, RespondedExchange> => ({
      operation,
      context: { operation, validators },
      ...runPlan(planFor, operation, planOptions),
    })),
    target: httpTarget(send),
    seed: settings.seed,
    runs: settings.runs,
    concurrency: settings.concurrency,
    giveUpWhenSilent: settings.target !== 'live',
    replay: (operation, check) => replayCommand(settings, operation.id, check),
  }
}

/** The command that replays one check of one operation with the run's seed and settings. */
export function replayCommand(
  run: Pick<SuiteSettings, 'seed' | 'runs' | 'rules' | 'endpoint' | 'target'>,
  operationId: string,
  check: string,
): string {
  const flags = [
    ...(run.target === 'live' ? ['--target live'] : []),
    seedFlag(run.seed),
    `--operations '${operationId}'`,
    `--checks ${check}`,
    ...(run.runs === DEFAULTS.runs ? [] : [`--runs ${run.runs}`]),
    ...(run.endpoint === undefined ? [] : [`--endpoint '${run.endpoint}'`]),
    ...(run.rules === 'seam' ? [] : [`--mock ${run.rules}`]),
  ]
  return `npm run conformance -- ${flags.join(' ')}`
}
