// What the main process hands the test workers.
import type { RunConfig } from './config.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by `npm run conformance`; absent under `npm test`, where defaults apply. */
    runConfig?: RunConfig
    /** The base URL the suites talk to: the embedded mock's, or SEAM_ENDPOINT. */
    endpoint: string
    /** The run's resolved configuration, as the suites use it. */
    resolvedConfig: RunConfig
  }
}

export {}
