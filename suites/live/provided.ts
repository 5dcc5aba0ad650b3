// What the live run's main process hands its test workers.
import type { FixtureResult } from './fixtures.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set only in live mode (`npm run conformance -- --target live`). */
    liveRun?: LiveRunFiles
    /** Live mode: what the run found or created before any suite runs. */
    liveFixtures?: FixtureResult
    /** Live mode: the creates whose undo the target serves (./undo-probe.ts). */
    liveUndoable?: string[]
  }
}

export type LiveRunFiles = {
  endpoint: string
  runTag: string
  /** Epoch ms after which the run sends nothing more. */
  deadline: number
  ledgerPath: string
  /** JSON lines: each finding, as it is found. */
  findingsPath: string
  /** JSON lines: each exchange's method, path, status, seam-request-id and timing — no bodies, no secrets. */
  exchangesPath: string
  /** JSON lines: each check's verdict and the cases it judged, for the summary's cost per check. */
  verdictsPath?: string
}
