// What the engine tells its consumers. Every runner (the vitest suites, the SDK gate, the benchmark,
// the self-test) reads these typed events; none of them judges a case itself.
import type { Operation } from '../../contracts/operations.ts'
import type { Severity, Violation } from '../checks/types.ts'
import type { Skip } from '../scenarios/types.ts'

/** Which check of which scenario on which operation an event is about. */
export type CheckKey = { operation: Operation; scenario: string; check: string }

/**
 * Where a failed check's cause lies, so a report separates "the API broke its contract" from "the
 * target was down", "the target lacks the operation" or "the spec itself is wrong" (`spec`: the
 * target answered what the spec shows, and the spec's own schema refuses it).
 */
export type FailureCategory =
  'contract_violation' | 'server_error' | 'operation_missing' | 'transport' | 'spec'

/** How fast-check found and shrank a failure: with the replay line, everything a rerun needs. */
export type Counterexample = { seed: number; path: string; runs: number; replay: string }

export type CheckPassed = CheckKey & { type: 'check_passed'; runs: number }

export type ViolationFound<Answer> = CheckKey &
  Counterexample & {
    type: 'violation'
    severity: Severity
    category: Exclude<FailureCategory, 'transport'>
    violations: Violation[]
    /** The shrunk request and what came back. */
    exchange: Answer
  }

export type TargetFailure<Answer> = CheckKey &
  Counterexample & {
    type: 'target_failure'
    category: 'transport'
    error: string
    exchange: Answer
    /** The operation stopped answering: timeouts in a row, and the cases then not sent. */
    stalled?: { timeouts: number; notSent: number }
  }

export type CheckSkipped = Skip & { type: 'skipped'; operation: Operation }

/** The verdict on one check of one scenario: what a vitest test, a JUnit case or a gate line shows. */
export type Verdict<Answer> = CheckPassed | ViolationFound<Answer> | TargetFailure<Answer> | CheckSkipped

export type EngineEvent<Answer> =
  | { type: 'operation_started'; operation: Operation; index: number; total: number }
  | { type: 'case_sent'; operation: Operation; scenario: string }
  /** A finding the project has looked at and accepted (suites/sdk/known-findings.ts): reported, not failing. */
  | (CheckKey & { type: 'known_finding'; known: Violation[] })
  | Verdict<Answer>
  | { type: 'operation_finished'; operation: Operation; requests: number }

export type Listener<Answer> = (event: EngineEvent<Answer>) => void
