import { readErrorEnvelope } from '../../contracts/error-envelope.ts'
import type { Check } from './types.ts'

/**
 * A request naming an ID the workspace never had gets 404 with a `…_not_found` error: never a 2xx
 * (the server made something up) and never a 5xx. Only a stateful target can be held to it: the
 * mock takes any well-formed ID to exist.
 */
export const unknownIdNotFound = {
  name: 'unknown_id_not_found',
  severity: 'critical',
  area: 'status',
  answers: 'any',
  description: 'An ID that was never created gets 404 with a …_not_found error type.',
  appliesTo: () => true,
  run: (_context, { response }) => {
    const type = readErrorEnvelope(response.json)?.type
    if (response.status === 404 && type?.endsWith('_not_found') === true) return []
    const answered = type === undefined ? `${response.status}` : `${response.status} ${JSON.stringify(type)}`
    return [{ message: `a never-created ID answered ${answered}, expected 404 …_not_found` }]
  },
} satisfies Check
