import { errorEnvelopeProblems, readErrorEnvelope } from '../../contracts/error-envelope.ts'
import { isPlainObject } from '../../contracts/json.ts'
import type { Check, Finding } from './types.ts'

/**
 * A 4xx body is Seam's envelope, `{"error": {"type": string, "message": string}, "ok": false}`,
 * which the SDKs build their error classes from; a 400 for a schema violation is `invalid_input`.
 */
export const errorEnvelope = {
  name: 'error_envelope',
  severity: 'normal',
  area: 'errors',
  answers: 'client_error',
  description:
    'A 4xx body is {"error": {"type", "message"}, "ok": false}; schema violations are invalid_input.',
  appliesTo: () => true,
  run: (_context, { request, response }) => {
    if (response.status < 400 || response.status >= 500) return []
    const violation = (message: string): Finding => ({ message })
    const body = response.json
    if (!isPlainObject(body))
      return [violation(`${response.status} body is not a JSON object: ${JSON.stringify(response.text)}`)]
    const violations = errorEnvelopeProblems(body).map(violation)
    const type = readErrorEnvelope(body)?.type
    // A type that is not a string is already a problem of the envelope.
    if (request.invalid?.breaks === 'schema' && response.status === 400 && type !== undefined) {
      if (type !== 'invalid_input')
        violations.push(
          violation(`error.type is ${JSON.stringify(type)}, expected "invalid_input" for a schema violation`),
        )
    }
    return violations
  },
} satisfies Check
