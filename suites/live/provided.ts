// What the live run's main process hands its test workers.
declare module 'vitest' {
  export interface ProvidedContext {
    /** Set only in live mode (`npm run conformance -- --target live`). */
    liveRun?: LiveRunFiles
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
}
