import { isDeepStrictEqual } from 'node:util'

import { escapePointer } from '../../../contracts/operations.ts'
import { isPlainObject, isSuccess, readJson } from '../../../contracts/json.ts'
import type { Finding } from '../../checks/types.ts'
import { describeOutcome, onlyAnswer } from './describe.ts'
import type { SdkCheck } from './types.ts'

/** An object operation resolves to the resource itself: the answer's `x-response-key`, unwrapped. */
export const sdkObjectResult = {
  name: 'sdk_object_result',
  severity: 'critical',
  area: 'sdk',
  answers: 'any',
  description: 'An object operation resolves to the unwrapped resource, matching its schema.',
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
    const violations: Finding[] = []
    if (!isDeepStrictEqual(resolved, expected)) {
      violations.push(
        violation(`${describeOutcome(call.outcome)}, expected the answer's "${result.key}" unwrapped`),
      )
    }
    const documented = operation.responses['200']
    if (resolved === undefined) {
      // Nothing to unwrap is only fine where the 200 schema lets the key be absent.
      const required = documented?.schema?.required?.includes(result.key) === true
      return required
        ? [...violations, violation(`resolved to undefined, expected the "${result.key}" resource`)]
        : violations
    }
    const pointer = documented?.pointer
    if (pointer !== undefined) {
      const validate = validators.pointer(`${pointer}/properties/${escapePointer(result.key)}`)
      for (const error of validate(resolved)) {
        violations.push(violation(`result${error.path === '(root)' ? '' : error.path} ${error.message}`))
      }
    }
    return violations
  },
} satisfies SdkCheck
