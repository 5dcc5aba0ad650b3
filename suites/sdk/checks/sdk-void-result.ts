import { isSuccess } from '../../../contracts/json.ts'
import { describeOutcome, onlyAnswer } from './describe.ts'
import type { SdkCheck } from './types.ts'

/** A void operation (`x-response-key: null`) resolves to nothing when the API answers 2xx. */
export const sdkVoidResult = {
  name: 'sdk_void_result',
  severity: 'critical',
  area: 'sdk',
  answers: 'any',
  description: 'A void operation resolves to undefined.',
  appliesTo: (operation) => operation.result.kind === 'void',
  run: (_context, call) => {
    const answer = onlyAnswer(call)
    if (answer === undefined || !isSuccess(answer.status)) return []
    if ('resolved' in call.outcome && call.outcome.resolved === undefined) return []
    return [{ message: `${describeOutcome(call.outcome)}, expected undefined` }]
  },
} satisfies SdkCheck
