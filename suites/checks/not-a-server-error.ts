import type { Check } from './types.ts'

export const notAServerError = {
  name: 'not_a_server_error',
  description: 'The server never answers 5xx.',
  appliesTo: () => true,
  run: (_context, { response }) =>
    response.status >= 500
      ? [{ check: 'not_a_server_error', message: `server error ${response.status}` }]
      : [],
} satisfies Check
