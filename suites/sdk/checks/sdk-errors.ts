import { isDeepStrictEqual } from 'node:util'

import { readErrorEnvelope } from '../../../contracts/error-envelope.ts'
import { isPlainObject, readJson } from '../../../contracts/json.ts'
import type { Finding } from '../../checks/types.ts'
import { describeOutcome, onlyAnswer } from './describe.ts'
import type { SdkCheck } from './types.ts'

/**
 * An error answer surfaces as the SDK's own error: 401 as its unauthorized error, 400
 * `invalid_input` as its invalid-input error with the validation details, any other error
 * envelope as its API error carrying `error.type` and the status. Never resolved, never a crash.
 */
export const sdkErrors = {
  name: 'sdk_errors',
  severity: 'critical',
  area: 'sdk',
  answers: 'any',
  description: "An error answer surfaces as the SDK's unauthorized, invalid-input or API error.",
  appliesTo: () => true,
  run: ({ errors }, call) => {
    const answer = onlyAnswer(call)
    if (answer === undefined || answer.status < 400) return []
    const violation = (message: string): Finding => ({ message })
    const outcome = call.outcome
    const got = describeOutcome(outcome)
    const error = 'rejected' in outcome ? outcome.rejected : undefined
    if (answer.status === 401) {
      return error instanceof errors.unauthorized
        ? []
        : [violation(`401: ${got}, expected ${errors.unauthorized.name}`)]
    }
    const envelope = readErrorEnvelope(readJson(answer.body).json)
    if (envelope === undefined) return []
    if (envelope.type === 'invalid_input') {
      if (!(error instanceof errors.invalidInput))
        return [violation(`${answer.status} invalid_input: ${got}, expected ${errors.invalidInput.name}`)]
      return Object.entries(envelope.validationErrors)
        .filter(([field]) => field !== '_errors')
        .flatMap(([field, detail]) => {
          const expected = isPlainObject(detail) ? detail['_errors'] : undefined
          const seen = error.getValidationErrorMessages(field)
          return isDeepStrictEqual(seen, expected)
            ? []
            : [
                violation(
                  `validation errors of "${field}": ${JSON.stringify(seen)}, expected ${JSON.stringify(expected)}`,
                ),
              ]
        })
    }
    if (!(error instanceof errors.api))
      return [violation(`${answer.status} ${envelope.type}: ${got}, expected ${errors.api.name}`)]
    const violations: Finding[] = []
    if (error.code !== envelope.type)
      violations.push(violation(`code "${error.code}", expected "${envelope.type}"`))
    if (error.statusCode !== answer.status)
      violations.push(violation(`statusCode ${error.statusCode}, expected ${answer.status}`))
    return violations
  },
} satisfies SdkCheck
