// Live mode's conformance suites: the same plans and checks as against the mock, bound to the
// workspace's real IDs and limited by each operation's safety class (./live-plan.ts). The valid,
// invalid, auth and never-created-ID suites run here one after the other, in one file, so the
// workspace never sees more than the run's concurrency at once.
import { inject, it } from 'vitest'

import { defineConformanceSuite } from '../support/define-suite.ts'
import { liveContext } from './live-context.ts'
import { LIVE_SUITES, livePlan } from './live-plan.ts'
import './provided.ts'

const context = await liveContext()
const undoable = inject('liveUndoable')
if (context === undefined) {
  it.skip('live mode only: npm run conformance -- --target live')
} else {
  for (const [suite, planFor] of LIVE_SUITES)
    await defineConformanceSuite(suite, livePlan(suite, planFor, undoable), context)
}
