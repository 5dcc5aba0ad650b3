import type { Check } from './types.ts'

export const notAServerError = {
  name: 'not_a_server_error',
  severity: 'critical',
  area: 'availability',
  answers: 'any',
  description: 'The server never answers 5xx.',
  appliesTo: () => true,
  run: (_context, { response }) =>
    response.status >= 500 ? [{ message: `server error ${response.status}` }] : [],
} satisfies Check
