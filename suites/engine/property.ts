// Runs one check over one scenario as a fast-check property: generate, send, check, and on a
// violation shrink to the smallest request that still breaks the rule.
import fc from 'fast-check'

import type { Exchange } from '../../contracts/exchange.ts'
import { fnv1a } from '../../contracts/hash.ts'
import type { Operation } from '../../contracts/operations.ts'
import type { GeneratedRequest } from '../../contracts/request.ts'
import type { Answers, Check, Finding, Violation } from '../checks/types.ts'
import type { Target } from './target.ts'

export type CheckOutcome<Answer = Exchange> =
  | { status: 'passed'; runs: number }
  | {
      status: 'violated'
      runs: number
      seed: number
      path: string
      violations: Violation[]
      exchange: Answer
    }
  | { status: 'target_error'; runs: number; seed: number; path: string; error: string; exchange: Answer }

/** How long one property may take, generation and shrinking together, unless a run says otherwise. */
export const PROPERTY_BUDGET_MS = 120_000

/** Whether a check judges an answer with this status. */
export function judges(answers: Answers, status: number | undefined): boolean {
  if (answers === 'any') return true
  if (status === undefined) return false
  return answers === 'success' ? status >= 200 && status < 300 : status >= 400 && status < 500
}

/** A check over one judged answer: its findings stamped with its name, split into new and known. */
export function applyCheck<Context, Judged>(
  check: Check<Context, Judged>,
  context: Context,
  judged: Judged,
  status: number | undefined,
): { violations: Violation[]; known: Violation[] } {
  if (!judges(check.answers, status)) return { violations: [], known: [] }
  const stamped = check.run(context, judged).map((finding: Finding) => ({ ...finding, check: check.name }))
  return {
    violations: stamped.filter((v) => v.known === undefined),
    known: stamped.filter((v) => v.known !== undefined),
  }
}

export type RunCheckOptions<Context, Answer, Judged> = {
  check: Check<Context, Judged>
  context: Context
  requests: fc.Arbitrary<GeneratedRequest>
  target: Target<Answer, Judged>
  /** Sends one case: the target's, or a cache in front of it. */
  send: (request: GeneratedRequest) => Promise<Answer>
  seed: number
  runs: number
  budgetMs?: number
  /** Sees every accepted (known) finding, which passes the property. */
  onKnown?: (known: Violation[]) => void
}

class ViolationFound<Answer> extends Error {
  readonly violations: Violation[]
  readonly answer: Answer

  constructor(violations: Violation[], answer: Answer) {
    super(violations.map((v) => v.message).join('; '))
    this.violations = violations
    this.answer = answer
  }
}

export async function runCheck<Context, Answer, Judged>(
  options: RunCheckOptions<Context, Answer, Judged>,
): Promise<CheckOutcome<Answer>> {
  const { check, context, requests, target, send, seed, runs } = options
  // A transport failure is the target's, not the request's: report the request that met it and
  // do not shrink (every shrink step would wait for the same timeout). After one the run is
  // interrupted: letting every shrink candidate pass instead walks a large request's whole shrink
  // tree, minutes of CPU in which nothing else in the process gets to run.
  let targetError: { answer: Answer; error: string } | undefined
  let lastViolation: ViolationFound<Answer> | undefined
  const property = fc.asyncProperty(requests, async (request) => {
    if (targetError !== undefined) throw new fc.PreconditionFailure(true)
    const answer = await send(request)
    const judged = target.judged(answer)
    if ('failure' in judged) {
      // While shrinking a violation, a transport failure says nothing about the rule: not a failure.
      if (lastViolation !== undefined) return
      targetError = { answer, error: judged.failure }
      throw new Error(judged.failure)
    }
    const { violations, known } = applyCheck(check, context, judged.judged, target.status(judged.judged))
    if (known.length > 0) options.onKnown?.(known)
    if (violations.length > 0) {
      lastViolation = new ViolationFound(violations, answer)
      throw lastViolation
    }
  })
  // The time budget bounds generation and shrinking together: no property can hold a run forever.
  const details = await fc.check(property, {
    seed,
    numRuns: runs,
    interruptAfterTimeLimit: options.budgetMs ?? PROPERTY_BUDGET_MS,
  })
  if (!details.failed) return { status: 'passed', runs: details.numRuns }
  const failedAt = { runs: details.numRuns, seed: details.seed, path: details.counterexamplePath ?? '' }
  // A violation found first stays the finding, even if the target failed while shrinking it.
  if (lastViolation !== undefined) {
    return {
      status: 'violated',
      ...failedAt,
      violations: lastViolation.violations,
      exchange: lastViolation.answer,
    }
  }
  if (targetError !== undefined) {
    return { status: 'target_error', ...failedAt, error: targetError.error, exchange: targetError.answer }
  }
  throw details.errorInstance ?? new Error(`property for ${check.name} failed without a counterexample`)
}

/** A property seed per operation: the same run seed replays the same requests, whatever else runs. */
export function operationSeed(runSeed: number, operationId: string): number {
  return fnv1a(operationId, 0x811c9dc5 ^ runSeed)
}

export function scenarioSeed(runSeed: number, operation: Operation, scenario: { name: string }): number {
  return operationSeed(runSeed, `${operation.id} ${scenario.name}`)
}

/** The requests a scenario's properties start with, in order: what a prefetch sends. */
export function scenarioRequests(
  runSeed: number,
  runs: number,
  operation: Operation,
  scenario: { name: string; requests: fc.Arbitrary<GeneratedRequest> },
): GeneratedRequest[] {
  return fc.sample(scenario.requests, { seed: scenarioSeed(runSeed, operation, scenario), numRuns: runs })
}
