import { timeWindow } from './time-window.ts'
import type { EndpointRules } from './types.ts'

// "After the starts_at value that you set when creating the credential": a stored value, which
// no request shows; only "in the future" can be judged.
const validity = timeWindow({ ends: 'ends_at' })

export const acsCredentialsUpdate = {
  path: '/acs/credentials/update',
  prose: [
    'ends_at: "Must be a time in the future and after the starts_at value that you set when creating the credential." (only the first half is judged from the request)',
  ],
  statedIn: ['ends_at'],
  valid: validity.valid,
  checks: validity.checks,
  invalid: validity.invalid,
} satisfies EndpointRules
