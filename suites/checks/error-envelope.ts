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
    const violations: Finding[] = []
    if (body.ok !== false)
      violations.push(violation(`"ok" is ${JSON.stringify(body.ok) ?? 'missing'}, expected false`))
    const error = body.error
    if (!isPlainObject(error)) return [...violations, violation('no "error" object')]
    for (const field of ['type', 'message']) {
      if (typeof error[field] !== 'string') violations.push(violation(`error.${field} is not a string`))
    }
    if (request.invalid?.breaks === 'schema' && response.status === 400 && error.type !== 'invalid_input') {
      violations.push(
        violation(
          `error.type is ${JSON.stringify(error.type)}, expected "invalid_input" for a schema violation`,
        ),
      )
    }
    return violations
  },
} satisfies Check
