import { isSuccess } from '../../contracts/json.ts'
import type { Check } from './types.ts'

/** An invalid request gets a 4xx: 400 for payload problems, never 2xx, never 5xx. */
export const invalidRejected = {
  name: 'invalid_rejected',
  severity: 'normal',
  area: 'status',
  answers: 'any',
  description: 'An invalid request gets a 4xx (400 for payload problems), never 2xx or 5xx.',
  appliesTo: () => true,
  run: (_context, { request, response }) => {
    const intent = request.invalid
    if (intent === undefined) return []
    const status = response.status
    const violation = (message: string) => [{ message: `${intent.label}: ${message}` }]
    if (isSuccess(status)) return violation(`accepted with ${status}`)
    if (status >= 500) return violation(`answered ${status}, a server error instead of a 4xx`)
    if (status < 400) return violation(`answered ${status}, expected a 4xx`)
    if (intent.breaks !== 'body' && status !== 400) return violation(`answered ${status}, expected 400`)
    return []
  },
} satisfies Check
