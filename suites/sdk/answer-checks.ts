// The answers the SDK got, held to the wire contract with the suite's own checks (void_shape,
// object_shape): an SDK passing against answers that break the contract would prove nothing, so a
// fault in the SDK-facing mock fails the gate under the wire check's name.
import { readJson } from '../../contracts/json.ts'
import type { Validators } from '../../contracts/validators.ts'
import type { MockRequest, MockResponse } from '../../mock/server.ts'
import { objectShape } from '../checks/object-shape.ts'
import type { Violation } from '../checks/types.ts'
import { voidShape } from '../checks/void-shape.ts'
import type { RespondedExchange } from '../../contracts/exchange.ts'
import type { SdkCall } from './checks/types.ts'

export const ANSWER_CHECKS = [voidShape, objectShape]

export function answerViolations(call: SdkCall, validators: Validators): Violation[] {
  const context = { operation: call.operation, validators }
  return call.received.flatMap(({ request, response }) =>
    ANSWER_CHECKS.filter((check) => check.appliesTo(call.operation)).flatMap((check) =>
      check.run(context, asExchange(call, request, response)),
    ),
  )
}

function asExchange(call: SdkCall, request: MockRequest, response: MockResponse): RespondedExchange {
  const { operation, parameters } = call
  return {
    request: {
      operation: operation.id,
      method: operation.method,
      path: operation.path,
      query: {},
      body: parameters,
    },
    wire: { method: request.method, url: request.path, headers: {} },
    response: {
      status: response.status,
      headers: response.headers,
      text: response.body,
      ...readJson(response.body),
      durationMs: 0,
    },
  }
}
