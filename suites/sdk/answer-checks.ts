// The answers the SDK got, held to the wire contract with the suite's own checks (void_shape,
// object_shape): an SDK passing against answers that break the contract would prove nothing, so a
// fault in the SDK-facing mock fails the gate under the wire check's name.
import type { RespondedExchange } from '../../contracts/exchange.ts'
import { readJson } from '../../contracts/json.ts'
import type { MockRequest, MockResponse } from '../../mock/types.ts'
import { objectShape } from '../checks/object-shape.ts'
import type { Check } from '../checks/types.ts'
import { judges } from '../engine/property.ts'
import { voidShape } from '../checks/void-shape.ts'
import type { SdkCall, SdkCheck } from './checks/types.ts'

/** A wire check over every answer the mock gave during an SDK call. */
function overAnswers(check: Check): SdkCheck {
  return {
    ...check,
    // Judged answer by answer below: the call as a whole may hold several.
    answers: 'any',
    run: (context, call) =>
      call.received.flatMap(({ request, response }) =>
        judges(check.answers, response.status) ? check.run(context, asExchange(call, request, response)) : [],
      ),
  }
}

export const ANSWER_CHECKS: SdkCheck[] = [voidShape, objectShape].map(overAnswers)

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
