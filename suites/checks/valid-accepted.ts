import { isSuccess } from '../../contracts/json.ts'
import type { Check } from './types.ts'

export const validAccepted = {
  name: 'valid_accepted',
  description: 'A valid request with valid credentials gets a 2xx.',
  appliesTo: () => true,
  run: (_context, { response }) =>
    isSuccess(response.status)
      ? []
      : [{ check: 'valid_accepted', message: `valid request answered ${response.status}, expected 2xx` }],
} satisfies Check
