import type { Operation } from '../../../contracts/operations.ts'
import type { Payload } from '../../../contracts/request.ts'
import type { Validators } from '../../../contracts/validators.ts'
import type { MockRequest, MockResponse } from '../../../mock/server.ts'
import type { Check } from '../../checks/types.ts'
import type { FailureCategory } from '../../engine/events.ts'
import type { SdkErrorClasses } from '../sdk.ts'

export type SdkOutcome = { resolved: unknown } | { rejected: unknown }

/**
 * Why what the server answered says nothing about the SDK: the target lacks the route, failed
 * (5xx, rate limit that never cleared), or never answered. Only a live target has these.
 */
export type WireFailure = {
  kind: 'operation_missing' | 'target_failure'
  category: FailureCategory
  reason: string
}

/** One request the server received during a call, and its answer. */
export type Received = { request: MockRequest; response: MockResponse; failure?: WireFailure }

/** One call of an SDK method and what the mock saw of it. */
export type SdkCall = {
  operation: Operation
  /** The SDK method, e.g. `/access_grants/create`. */
  sdkPath: string
  parameters: Payload
  outcome: SdkOutcome
  /** Every request the server received during the call, with its answer. */
  received: Received[]
}

export type SdkCheckContext = { operation: Operation; validators: Validators; errors: SdkErrorClasses }

/** Like a wire check (suites/checks/types.ts), but over an SDK call: pure, returns every violation. */
export type SdkCheck = Check<SdkCheckContext, SdkCall>
