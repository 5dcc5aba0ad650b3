// What the main process hands the test workers.
import type { ProvidedContext } from 'vitest'
import type { Vitest } from 'vitest/node'

import type { RunConfig, Shard } from './config.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by `npm run conformance`; absent under `npm test`, where defaults apply. */
    runConfig?: RunConfig
    /** The base URL the suites talk to: the embedded mock's, or SEAM_ENDPOINT. */
    endpoint: string
    /** The run's resolved configuration, as the suites use it. */
    resolvedConfig: RunConfig
    /** Which part of a run in parts this project is (suites/support/parts.ts); absent: the whole run. */
    part?: Shard
  }
}

/** What the run's projects were given, whichever ran: `conformance`, its parts, or `live`. */
export function runContext(vitest: Vitest | undefined): ProvidedContext | undefined {
  return vitest?.projects
    .map((project) => project.getProvidedContext())
    .find((provided) => provided.resolvedConfig !== undefined)
}
