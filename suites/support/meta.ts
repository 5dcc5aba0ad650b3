// What each conformance test records about itself, for the summary and other reporters.
import type { Observed } from './coverage.ts'

export type ConformanceMeta = { suite: string; operation: string; check: string; scenario: string }

declare module 'vitest' {
  interface TaskMeta {
    conformance?: ConformanceMeta
    /** On an operation's first test in each suite: what that suite's requests exercised. */
    coverage?: Observed
  }
}
