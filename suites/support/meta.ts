// What each conformance test records about itself: the engine's verdict, typed, for the summary,
// progress, Allure and coverage reporters. None of them reads the failure message.
import type { Severity } from '../checks/types.ts'
import type { FailureCategory } from '../engine/events.ts'
import type { Observed } from './coverage.ts'

export type ConformanceOutcome = 'passed' | 'violation' | 'target_failure' | 'skipped'

export type ConformanceMeta = {
  suite: string
  operation: string
  check: string
  scenario: string
  outcome?: ConformanceOutcome
  severity?: Severity
  category?: FailureCategory
  /** The first violation, the target's error or the skip reason: one line for the summary. */
  detail?: string
}

declare module 'vitest' {
  interface TaskMeta {
    conformance?: ConformanceMeta
    /** On an operation's first test in each suite: what that suite's requests exercised. */
    coverage?: Observed
    /** On an operation's first test in each suite: the requests that suite sent for it. */
    requests?: number
    /** Time from the operation's block starting (its prefetch included) to this test's verdict. */
    operationMs?: number
  }
}
