import { isSuccess } from '../../contracts/json.ts'
import type { Check } from './types.ts'

export const validAccepted = {
  name: 'valid_accepted',
  severity: 'critical',
  area: 'status',
  answers: 'any',
  description: 'A valid request with valid credentials gets a 2xx.',
  appliesTo: () => true,
  run: (_context, { response }) =>
    isSuccess(response.status)
      ? []
      : [{ message: `valid request answered ${response.status}, expected 2xx` }],
} satisfies Check
