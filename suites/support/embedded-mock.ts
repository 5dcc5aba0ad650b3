// The embedded mock, answered inside this test worker: the same mock global setup serves at the
// run's URL (same rules, same credentials, same answers), handed each request without a socket.
// One per worker, shared by the suite files it runs.
import type { Dispatcher } from 'undici'

import { InProcessDispatcher } from '../../mock/dispatcher.ts'
import { createMockHandler } from '../../mock/server.ts'
import type { RunConfig } from './config.ts'

let dispatcher: Promise<Dispatcher> | undefined

export function embeddedMockDispatcher(config: RunConfig, url: string): Promise<Dispatcher> {
  dispatcher ??= createMockHandler({ rules: config.rules, accepted: config.auth }).then(
    (mock) => new InProcessDispatcher(mock, url),
  )
  return dispatcher
}
