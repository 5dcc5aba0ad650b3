// Runs one check over one operation as a fast-check property: generate, send, check, and on a
// violation shrink to the smallest request that still breaks the rule.
import fc from 'fast-check'

import { fnv1a } from '../../contracts/hash.ts'
import type { Operation } from '../../contracts/operations.ts'
import type { GeneratedRequest } from '../../contracts/request.ts'
import type { Validators } from '../../contracts/validators.ts'
import type { Check, CheckContext, Violation } from '../checks/index.ts'
import type { Scenario } from '../scenarios/types.ts'
import type { Exchange, RespondedExchange } from '../../contracts/exchange.ts'

export type Send = (request: GeneratedRequest) => Promise<Exchange>

export type CheckOutcome =
  | { status: 'passed'; runs: number }
  | {
      status: 'violated'
      runs: number
      seed: number
      path: string
      violations: Violation[]
      exchange: RespondedExchange
    }
  | { status: 'target_error'; runs: number; seed: number; path: string; error: string; exchange: Exchange }

export type RunCheckOptions = {
  check: Check
  context: CheckContext
  requests: fc.Arbitrary<GeneratedRequest>
  send: Send
  seed: number
  runs: number
}

class ViolationFound extends Error {
  readonly violations: Violation[]
  readonly exchange: RespondedExchange

  constructor(violations: Violation[], exchange: RespondedExchange) {
    super(violations.map((v) => v.message).join('; '))
    this.violations = violations
    this.exchange = exchange
  }
}

export async function runCheck({
  check,
  context,
  requests,
  send,
  seed,
  runs,
}: RunCheckOptions): Promise<CheckOutcome> {
  // A transport failure is the target's, not the request's: report the request that met it and
  // do not shrink (every shrink step would wait for the same timeout). After one, every further
  // case passes without I/O, so fast-check stops at once.
  let targetError: Exchange | undefined
  let lastViolation: ViolationFound | undefined
  const property = fc.asyncProperty(requests, async (request) => {
    if (targetError !== undefined) return
    const exchange = await send(request)
    if (exchange.response === undefined) {
      // While shrinking a violation, a transport failure says nothing about the rule: not a failure.
      if (lastViolation !== undefined) return
      targetError = exchange
      throw new Error(exchange.error)
    }
    const violations = check.run(context, exchange as RespondedExchange)
    if (violations.length > 0) {
      lastViolation = new ViolationFound(violations, exchange as RespondedExchange)
      throw lastViolation
    }
  })
  // The time budget bounds generation and shrinking together: no property can hold a run forever.
  const details = await fc.check(property, {
    seed,
    numRuns: runs,
    interruptAfterTimeLimit: PROPERTY_BUDGET_MS,
  })
  if (!details.failed) return { status: 'passed', runs: details.numRuns }
  const failedAt = { runs: details.numRuns, seed: details.seed, path: details.counterexamplePath ?? '' }
  // A violation found first stays the finding, even if the target failed while shrinking it.
  if (lastViolation !== undefined) {
    return {
      status: 'violated',
      ...failedAt,
      violations: lastViolation.violations,
      exchange: lastViolation.exchange,
    }
  }
  if (targetError !== undefined) {
    return {
      status: 'target_error',
      ...failedAt,
      error: targetError.error ?? 'no response',
      exchange: targetError,
    }
  }
  throw details.errorInstance ?? new Error(`property for ${check.name} failed without a counterexample`)
}

/**
 * The fast path: every check of a scenario over its prefetched exchanges, which are the cases its
 * properties start with, in order. When it passes, each check has passed on every case; when it
 * fails, the checks run one by one as properties, each shrinking its own counterexample.
 */
export function scenarioPasses(options: {
  operation: Operation
  scenario: Scenario
  validators: Validators
  exchanges: Exchange[]
  runs: number
}): boolean {
  const { operation, scenario, validators, exchanges, runs } = options
  const context = { operation, validators }
  return (
    exchanges.length === runs &&
    exchanges.every(
      (exchange) =>
        exchange.response !== undefined &&
        scenario.checks.every((check) => check.run(context, exchange as RespondedExchange).length === 0),
    )
  )
}

/** How long one property may take, generation and shrinking together. */
export const PROPERTY_BUDGET_MS = 120_000

/** Runs one check of a scenario over an operation, seeded from the run seed. */
export function checkScenario(options: {
  operation: Operation
  scenario: Scenario
  check: Check
  validators: Validators
  send: Send
  runSeed: number
  runs: number
}): Promise<CheckOutcome> {
  const { operation, scenario, check, validators, send, runSeed, runs } = options
  return runCheck({
    check,
    context: { operation, validators },
    requests: scenario.requests,
    send,
    seed: scenarioSeed(runSeed, operation, scenario),
    runs,
  })
}

/** A property seed per operation: the same run seed replays the same requests, whatever else runs. */
export function operationSeed(runSeed: number, operationId: string): number {
  return fnv1a(operationId, 0x811c9dc5 ^ runSeed)
}

export function scenarioSeed(runSeed: number, operation: Operation, scenario: Scenario): number {
  return operationSeed(runSeed, `${operation.id} ${scenario.name}`)
}

/** The requests a scenario's properties start with, in order: what a prefetch sends. */
export function scenarioRequests(
  runSeed: number,
  runs: number,
  operation: Operation,
  scenario: Scenario,
): GeneratedRequest[] {
  return fc.sample(scenario.requests, { seed: scenarioSeed(runSeed, operation, scenario), numRuns: runs })
}

/** Every scenario's prefetched requests for an operation, a group per scenario: what its pipeline stage sends. */
export function operationRequests(
  runSeed: number,
  runs: number,
  operation: Operation,
  scenarios: Scenario[],
): GeneratedRequest[][] {
  return scenarios.map((scenario) => scenarioRequests(runSeed, runs, operation, scenario))
}
