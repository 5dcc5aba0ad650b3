import { isDeepStrictEqual } from 'node:util'

import { escapePointer } from '../../../contracts/operations.ts'
import { isPlainObject, isSuccess, readJson } from '../../../contracts/json.ts'
import type { Finding } from '../../checks/types.ts'
import { describeOutcome, onlyAnswer } from './describe.ts'
import type { SdkCheck } from './types.ts'

/**
 * An object operation resolves to the resource itself: the answer's `x-response-key`, unwrapped,
 * exactly as the server sent it. Whether the server sent it, and whether it matches its schema, is
 * the answer's business (object_shape), not the SDK's: a live workspace's answers are judged by the
 * conformance run, and the SDK is not at fault for unwrapping them faithfully.
 */
export const sdkObjectResult = {
  name: 'sdk_object_result',
  severity: 'critical',
  area: 'sdk',
  answers: 'any',
  description:
    "An object operation resolves to the answer's x-response-key, unwrapped as the server sent it.",
  appliesTo: (operation) => operation.result.kind === 'object',
  run: ({ operation, validators }, call) => {
    const result = operation.result
    const answer = onlyAnswer(call)
    if (result.kind !== 'object' || answer === undefined || !isSuccess(answer.status)) return []
    const violation = (message: string): Finding => ({ message })
    if (!('resolved' in call.outcome))
      return [violation(`${describeOutcome(call.outcome)} on a ${answer.status}`)]
    const resolved = call.outcome.resolved
    const wire = readJson(answer.body).json
    const expected = isPlainObject(wire) ? wire[result.key] : undefined
    if (isDeepStrictEqual(resolved, expected)) return []
    const violations = [
      violation(`${describeOutcome(call.outcome)}, expected the answer's "${result.key}" unwrapped`),
    ]
    // How far off what it resolved to is: held to the resource's schema.
    const pointer = operation.responses['200']?.pointer
    if (resolved !== undefined && pointer !== undefined) {
      const validate = validators.pointer(`${pointer}/properties/${escapePointer(result.key)}`)
      for (const error of validate(resolved)) {
        violations.push(violation(`result${error.path === '(root)' ? '' : error.path} ${error.message}`))
      }
    }
    return violations
  },
} satisfies SdkCheck
