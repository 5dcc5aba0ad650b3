// What each conformance test records about itself, for the summary and other reporters.
export type ConformanceMeta = { suite: string; operation: string; check: string; scenario: string }

declare module 'vitest' {
  interface TaskMeta {
    conformance?: ConformanceMeta
  }
}
