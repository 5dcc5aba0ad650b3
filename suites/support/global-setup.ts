// Runs once in vitest's main process: resolves the configuration and, in mock mode without an
// endpoint, starts the embedded mock on a free loopback port and stops it when the run ends.
import type { TestProject } from 'vitest/node'

import { type RunningMock, startMock } from '../../mock/server.ts'
import { randomSeed, resolveConfig } from './config.ts'
import './provided.ts'

// A run in parts (suites/support/parts.ts) calls this once per part: the parts share one mock, so
// the whole run has one URL, and the last part to finish stops it.
let shared: { mock: Promise<RunningMock>; users: number } | undefined

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Under `npm test` (no run configuration handed over) the suites check the seed endpoints: the
  // whole API is `npm run conformance`'s job, which CI runs as well.
  const config =
    project.getProvidedContext().runConfig ?? resolveConfig({ SEAM_OPERATIONS: 'seed' }, randomSeed)
  let mock: RunningMock | undefined
  if (config.endpoint === undefined) {
    // Lazy: the workers answer in-process; this one serves the run's URL (a replayed curl line).
    shared ??= { mock: startMock({ rules: config.rules, accepted: config.auth, lazy: true }), users: 0 }
    shared.users++
    mock = await shared.mock
  }
  project.provide('resolvedConfig', config)
  project.provide('endpoint', mock?.url ?? (config.endpoint as string))
  return async () => {
    if (mock === undefined || shared === undefined || --shared.users > 0) return
    shared = undefined
    await mock.close()
  }
}
