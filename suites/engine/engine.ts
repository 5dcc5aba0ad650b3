// The one run loop. A run plan (operations × scenarios × checks, a target, a seed, runs, a
// concurrency and a budget) goes in; typed events come out. Each operation's seeded cases are
// prefetched, every check of a scenario first judges them in one pass, and a check that fails there
// runs as its own property to shrink its counterexample. The vitest suites drive it an operation
// and a check at a time (`enter`, `judge`, `leave`); everyone else calls `run`, which does the same.
import type { Operation } from '../../contracts/operations.ts'
import type { GeneratedRequest } from '../../contracts/request.ts'
import type { Check, Violation } from '../checks/types.ts'
import type { Scenario, Skip } from '../scenarios/types.ts'
import { violationCategory } from './category.ts'
import type { CheckSkipped, EngineEvent, Listener, Verdict } from './events.ts'
import { createPipeline, type ExchangeCache } from './exchange-cache.ts'
import {
  applyCheck,
  type CheckOutcome,
  PROPERTY_BUDGET_MS,
  runCheck,
  scenarioRequests,
  scenarioSeed,
} from './property.ts'
import { createSlots } from './slots.ts'
import {
  createStallGuard,
  NOTHING_ANSWERED,
  NotSent,
  type Stall,
  stallMessage,
  stoppedAnswering,
  TIMEOUTS_BEFORE_GIVING_UP,
} from './stall.ts'
import type { Target } from './target.ts'

export type OperationPlan<Context, Judged> = {
  operation: Operation
  /** What the checks are given besides the answer. */
  context: Context
  scenarios: Scenario<Context, Judged>[]
  skips: Skip[]
}

export type RunPlan<Context, Answer, Judged> = {
  operations: OperationPlan<Context, Judged>[]
  target: Target<Answer, Judged>
  seed: number
  /** Cases per property (a scenario may ask for fewer). */
  runs: number
  /** Cases in flight at once, across the whole run. */
  concurrency: number
  /**
   * Timeouts in a row after which the rest of an operation's cases, or of one kind of invalid
   * request's across operations, are not sent (default 3).
   */
  timeoutsBeforeGivingUp?: number
  /**
   * Whether a target that answered and then stops answering anything is given up for the rest of
   * the run (default). Live runs keep trying: `--max-run-ms` bounds them, and a sandbox's brief
   * outage should cost only the operations it met, not the rest of the night.
   */
  giveUpWhenSilent?: boolean
  /** Once true, no further operation is begun (a run interrupted: the one under way finishes). */
  stopped?: () => boolean
  /** How long one property may take, shrinking included. */
  budgetMs?: number
  /** The command that replays one check of one operation: printed with every failure. */
  replay(operation: Operation, check: string): string
}

/** Where a run's time went: generating cases, waiting for answers the pipeline could not hide, checks. */
export type Timings = { generationMs: number; transportMs: number; checksMs: number }

export type RunTotals = { cases: number; requests: number; timings: Timings }

export type OperationRun<Context, Answer, Judged> = {
  plan: OperationPlan<Context, Judged>
  /** The verdict on one check of one scenario; a failure comes shrunk. */
  judge(scenario: number, check: Check<Context, Judged>): Promise<Verdict<Answer>>
  /** Reports a check the plan skips, with its reason. */
  skip(skip: Skip): CheckSkipped
  /** Every answer the operation got so far (what the coverage report reads), or one scenario's prefetched answers. */
  answers(scenario?: number): Promise<Answer[]>
  /** Requests sent for this operation so far. */
  requests(): number
}

export type Engine<Context, Answer, Judged> = {
  enter(index: number): Promise<OperationRun<Context, Answer, Judged>>
  leave(index: number): void
  /** Every operation, scenario and check in order, skips included. */
  run(): Promise<RunTotals>
}

export function createEngine<Context, Answer, Judged>(
  plan: RunPlan<Context, Answer, Judged>,
  listener: Listener<Answer> = () => {},
): Engine<Context, Answer, Judged> {
  const { target } = plan
  const totals: RunTotals = {
    cases: 0,
    requests: 0,
    timings: { generationMs: 0, transportMs: 0, checksMs: 0 },
  }
  const timed = <T>(key: keyof Timings, work: () => T): T => {
    const started = performance.now()
    try {
      return work()
    } finally {
      totals.timings[key] += performance.now() - started
    }
  }
  const sentBy = new Map<number, number>()
  // A scenario may ask for fewer cases than the run, never more.
  const runsOf = (scenario: Scenario<Context, Judged>) => Math.min(scenario.runs ?? plan.runs, plan.runs)
  const slots = createSlots(plan.concurrency)
  const limit = plan.timeoutsBeforeGivingUp ?? TIMEOUTS_BEFORE_GIVING_UP
  const stalls = createStallGuard<Answer>(limit)
  // The stalls every request counts towards, whatever its operation: made once, not per request.
  const runWide: Stall[] =
    plan.giveUpWhenSilent === false
      ? [NOTHING_ANSWERED]
      : [NOTHING_ANSWERED, stoppedAnswering(plan.concurrency, limit)]
  // What the checks and properties see: the target's answers, and the cases held back from a
  // target that stopped answering, which are its failure too.
  const guarded: Target<Sent<Answer>, Judged> = {
    send: () => Promise.reject(new Error('the engine sends through its pipeline')),
    judged: (answer) => (answer instanceof NotSent ? { failure: answer.reason } : target.judged(answer)),
    status: (judged) => target.status(judged),
  }
  // What a case's timeouts count towards: its operation, its kind of invalid request, if any, and
  // the whole run, before and (unless the plan says not to) after the target's first answer: a
  // target that answers nothing, or stops answering, is given up after three operations'
  // timeouts, not one deadline per operation and suite (hours for all).
  const stallsOf = (request: GeneratedRequest, stage: number): Stall[] => [
    { key: `operation ${stage}`, what: 'this operation' },
    ...(request.invalid === undefined
      ? []
      : [
          {
            key: `kind ${request.invalid.label}`,
            what: `requests with "${request.invalid.label}"`,
            acrossOperations: 2,
          },
        ]),
    ...runWide,
  ]
  const stallsByAnswer = new WeakMap<object, Stall[]>()
  // Prefetches run ahead of the operation being judged: each request is counted where it belongs.
  const send = (request: GeneratedRequest, stage: number, group: number): Promise<Sent<Answer>> => {
    const counted = stallsOf(request, stage)
    const stopped = stalls.stoppedBy(counted)
    if (stopped !== undefined) return Promise.resolve(stalls.hold(stopped))
    return slots(stage, async () => {
      const stoppedMeanwhile = stalls.stoppedBy(counted)
      if (stoppedMeanwhile !== undefined) return stalls.hold(stoppedMeanwhile)
      const { operation, scenarios } = plan.operations[stage] as OperationPlan<Context, Judged>
      const scenario = scenarios[group]?.name ?? ''
      totals.requests++
      sentBy.set(stage, (sentBy.get(stage) ?? 0) + 1)
      listener({ type: 'case_sent', operation, scenario })
      const answer = await target.send(request, scenario)
      const judged = target.judged(answer)
      const outcome = !('failure' in judged)
        ? 'answered'
        : judged.timedOut === true
          ? 'timeout'
          : 'other_failure'
      stalls.note(counted, answer, outcome, operation.id)
      if (typeof answer === 'object' && answer !== null) stallsByAnswer.set(answer, counted)
      return answer
    })
  }
  const pipeline = createPipeline<Sent<Answer>>(
    plan.operations.map(({ operation, scenarios }) => ({
      requests: () =>
        timed('generationMs', () =>
          scenarios.map((scenario) => scenarioRequests(plan.seed, runsOf(scenario), operation, scenario)),
        ),
    })),
    send,
    plan.concurrency,
  )

  async function enter(index: number): Promise<OperationRun<Context, Answer, Judged>> {
    const operationPlan = plan.operations[index] as OperationPlan<Context, Judged>
    const { operation, context, scenarios } = operationPlan
    listener({ type: 'operation_started', operation, index, total: plan.operations.length })
    const generatedBefore = totals.timings.generationMs
    const started = performance.now()
    const cache: ExchangeCache<Sent<Answer>> = await pipeline.enter(index)
    totals.timings.transportMs +=
      performance.now() - started - (totals.timings.generationMs - generatedBefore)
    const fastPaths = new Map<number, Promise<boolean>>()
    const fastPath = (at: number) => {
      let passes = fastPaths.get(at)
      if (passes === undefined) {
        passes = cache.group(at).then((answers) => timed('checksMs', () => allPass(at, answers)))
        fastPaths.set(at, passes)
      }
      return passes
    }
    // Every check of a scenario over its prefetched answers, which are the cases its properties
    // start with, in order. Known findings are reported here; they never fail a check.
    const allPass = (at: number, answers: Sent<Answer>[]): boolean => {
      const scenario = scenarios[at] as Scenario<Context, Judged>
      if (answers.length !== runsOf(scenario)) return false
      let passes = true
      for (const answer of answers) {
        const judged = guarded.judged(answer)
        if ('failure' in judged) return false
        for (const check of scenario.checks) {
          const { violations, known } = applyCheck(
            check,
            context,
            judged.judged,
            target.status(judged.judged),
          )
          if (known.length > 0)
            listener({ type: 'known_finding', operation, scenario: scenario.name, check: check.name, known })
          if (violations.length > 0) passes = false
        }
        if (!passes) return false
      }
      return passes
    }
    // One check over the prefetched answers, in order: the cases its property starts with. Where
    // the first failure is the target's, or there is none, that is the property's outcome too, with
    // no property run: fast-check would only walk the shrinks of a failure it cannot shrink.
    const scan = async (at: number, check: Check<Context, Judged>): Promise<ScanOutcome<Answer>> => {
      const scenario = scenarios[at] as Scenario<Context, Judged>
      const answers = await cache.group(at)
      if (answers.length !== runsOf(scenario)) return { status: 'unknown' }
      // What the property would have reported on its way: accepted findings, before its outcome.
      const known: Violation[][] = []
      const settle = (outcome: ScanOutcome<Answer>) => {
        for (const found of known)
          listener({
            type: 'known_finding',
            operation,
            scenario: scenario.name,
            check: check.name,
            known: found,
          })
        return outcome
      }
      for (const [index, answer] of answers.entries()) {
        const judged = guarded.judged(answer)
        if ('failure' in judged) {
          const seed = scenarioSeed(plan.seed, operation, scenario)
          const failedAt = { runs: index + 1, seed, path: String(index) }
          return settle({ status: 'target_error', ...failedAt, error: judged.failure, exchange: answer })
        }
        const applied = applyCheck(check, context, judged.judged, target.status(judged.judged))
        if (applied.violations.length > 0) return { status: 'unknown' }
        if (applied.known.length > 0) known.push(applied.known)
      }
      return settle({ status: 'passed', runs: answers.length })
    }
    return {
      plan: operationPlan,
      async judge(at, check) {
        const scenario = scenarios[at] as Scenario<Context, Judged>
        const key = { operation, scenario: scenario.name, check: check.name }
        const runs = runsOf(scenario)
        let verdict: Verdict<Answer>
        const scanned = (await fastPath(at)) ? undefined : await timed('checksMs', () => scan(at, check))
        if (scanned === undefined) {
          verdict = { type: 'check_passed', ...key, runs }
        } else if (scanned.status !== 'unknown') {
          verdict = toVerdict(scanned, key)
        } else {
          const replay = cache.replay(at)
          const outcome = await timed('checksMs', () =>
            runCheck({
              check,
              context,
              requests: scenario.requests,
              target: guarded,
              send: replay,
              seed: scenarioSeed(plan.seed, operation, scenario),
              runs,
              ...(plan.budgetMs === undefined ? {} : { budgetMs: plan.budgetMs }),
              onKnown: (known) => listener({ type: 'known_finding', ...key, known }),
            }),
          )
          verdict = toVerdict(outcome, key)
        }
        totals.cases += 'runs' in verdict ? verdict.runs : 0
        listener(verdict)
        return verdict
      },
      skip(skip) {
        const verdict: CheckSkipped = { type: 'skipped', operation, ...skip }
        listener(verdict)
        return verdict
      },
      answers: async (at) =>
        (await (at === undefined ? cache.exchanges() : cache.group(at))).filter(
          (answer): answer is Answer => !(answer instanceof NotSent),
        ),
      requests: () => sentBy.get(index) ?? 0,
    }
  }

  function toVerdict(
    outcome: CheckOutcome<Sent<Answer>>,
    key: { operation: Operation; scenario: string; check: string },
  ): Verdict<Answer> {
    if (outcome.status === 'passed') return { type: 'check_passed', ...key, runs: outcome.runs }
    const counterexample = {
      ...key,
      seed: outcome.seed,
      path: outcome.path,
      runs: outcome.runs,
      replay: plan.replay(key.operation, key.check),
    }
    if (outcome.status === 'target_error') {
      // A stall is one failure: the timeouts in a row, and how much was not sent.
      const failure = { type: 'target_failure', category: 'transport', ...counterexample } as const
      const failed = outcome.exchange
      const stall =
        failed instanceof NotSent
          ? failed.stall
          : (stallsByAnswer.get(failed as object) ?? []).find((s) => stalls.stalled(s) !== undefined)
      const stalled = stall === undefined ? undefined : stalls.stalled(stall)
      if (stall === undefined || stalled === undefined)
        return { ...failure, error: outcome.error, exchange: failed as Answer }
      const last = guarded.judged(stalled.last)
      const error = stallMessage(stall, stalled, 'failure' in last ? last.failure : 'timeout')
      return {
        ...failure,
        error,
        stalled: { timeouts: stalled.timeouts, notSent: stalled.notSent },
        // A case held back has no exchange to show: the last one that timed out stands for it.
        exchange: outcome.exchange instanceof NotSent ? stalled.last : outcome.exchange,
      }
    }
    // Only an answer the checks judged can violate a rule: never a case held back.
    const exchange = outcome.exchange as Answer
    const found = { ...counterexample, exchange }
    const check = findCheck(key.operation, key.check)
    const judged = target.judged(exchange)
    const status = 'judged' in judged ? target.status(judged.judged) : undefined
    return {
      type: 'violation',
      severity: check?.severity ?? 'normal',
      category: violationCategory(status, outcome.violations),
      violations: outcome.violations,
      ...found,
    }
  }

  function findCheck(operation: Operation, name: string) {
    const operationPlan = plan.operations.find((candidate) => candidate.operation === operation)
    return operationPlan?.scenarios
      .flatMap((scenario) => scenario.checks)
      .find((check) => check.name === name)
  }

  function leave(index: number): void {
    const { operation } = plan.operations[index] as OperationPlan<Context, Judged>
    pipeline.leave(index)
    listener({ type: 'operation_finished', operation, requests: sentBy.get(index) ?? 0 })
  }

  return {
    enter,
    leave,
    async run() {
      for (const [index, { scenarios, skips }] of plan.operations.entries()) {
        if (plan.stopped?.() === true) break
        const operation = await enter(index)
        for (const [at, scenario] of scenarios.entries()) {
          for (const check of scenario.checks) await operation.judge(at, check)
        }
        for (const skip of skips) operation.skip(skip)
        leave(index)
      }
      return totals
    },
  }
}

/** An answer, or a case the engine held back from a target that had stopped answering. */
type Sent<Answer> = Answer | NotSent

/** What one pass over a check's prefetched answers settles, or `unknown`: a violation to shrink. */
type ScanOutcome<Answer> =
  Extract<CheckOutcome<Sent<Answer>>, { status: 'passed' | 'target_error' }> | { status: 'unknown' }

export { PROPERTY_BUDGET_MS, TIMEOUTS_BEFORE_GIVING_UP }
