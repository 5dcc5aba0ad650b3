// Seam's error envelope, `{"error": {"type", "message", "validation_errors"?}, "ok": false}`: what
// the SDKs build their error classes from. One reader, lenient (what an answer says, if it says it
// the way the envelope does), and what keeps a body from being a well-formed envelope. The mock
// writes envelopes in mock/responses.ts.
import { isPlainObject } from './json.ts'

export type ErrorEnvelope = {
  /** e.g. `invalid_input`, `missing_workspace_id`, `device_not_found`. */
  type: string
  message?: string
  /** Zod-style, per field: `{field: {_errors: [...]}, _errors: [...]}`; `{}` when the answer has none. */
  validationErrors: Record<string, unknown>
}

/** The error an answer's JSON carries, or undefined unless it has an `error` object with a string `type`. */
export function readErrorEnvelope(json: unknown): ErrorEnvelope | undefined {
  const error = isPlainObject(json) ? json.error : undefined
  if (!isPlainObject(error) || typeof error.type !== 'string') return undefined
  const { type, message, validation_errors: details } = error
  return {
    type,
    ...(typeof message === 'string' ? { message } : {}),
    validationErrors: isPlainObject(details) ? details : {},
  }
}

/** What keeps a JSON object from being a well-formed envelope, one line each; none for a good one. */
export function errorEnvelopeProblems(body: Record<string, unknown>): string[] {
  const problems: string[] = []
  if (body.ok !== false) problems.push(`"ok" is ${JSON.stringify(body.ok) ?? 'missing'}, expected false`)
  const error = body.error
  if (!isPlainObject(error)) return [...problems, 'no "error" object']
  for (const field of ['type', 'message']) {
    if (typeof error[field] !== 'string') problems.push(`error.${field} is not a string`)
  }
  return problems
}
