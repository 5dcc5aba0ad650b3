import type fc from 'fast-check'

import type { Operation } from '../../contracts/operations.ts'
import type { GeneratedRequest } from '../../contracts/request.ts'
import type { RespondedExchange } from '../../contracts/exchange.ts'
import type { Check, CheckContext } from '../checks/types.ts'
import type { IdBindings } from '../../contracts/arbitraries/bound-ids.ts'
import type { AuthSecrets } from '../../contracts/credentials.ts'

/** Requests of one kind for an operation, and the checks they are held to. */
export type Scenario<Context = CheckContext, Judged = RespondedExchange> = {
  name: string
  requests: fc.Arbitrary<GeneratedRequest>
  checks: Check<Context, Judged>[]
  /** At most this many cases per property (the run may ask for fewer): one for a case that is the same every time. */
  runs?: number
}

/** A check that cannot run here, and why: reported as skipped, never silently dropped. */
export type Skip = { check: string; scenario: string; reason: string }

/** An operation's scenarios and skipped checks: over exchanges by default, or over SDK calls (the gate). */
export type Plan<Context = CheckContext, Judged = RespondedExchange> = {
  scenarios: Scenario<Context, Judged>[]
  skips: Skip[]
}

export type PlanOptions = {
  /** `prism`: the target is plain Prism, which knows the schema but none of Seam's own rules. */
  rules: 'seam' | 'prism'
  auth: AuthSecrets
  /** A live workspace's real IDs: requests carry them instead of made-up ones. */
  ids?: IdBindings
}

export type PlanFor<Context = CheckContext, Judged = RespondedExchange> = (
  operation: Operation,
  options: PlanOptions,
) => Plan<Context, Judged>
