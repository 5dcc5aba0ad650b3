import { narrowing } from './narrowing.ts'
import { oneGroupOf } from './one-group-of.ts'
import { requireOne } from './presence.ts'
import { reshaped } from './reshaped.ts'
import { timeWindow } from './time-window.ts'
import type { EndpointRules } from './types.ts'

const EITHER = 'Provide either access_grant_id or access_grant_key.'
const validity = timeWindow({ starts: 'starts_at', ends: 'ends_at' })

export const accessGrantsUpdate = {
  path: '/access_grants/update',
  prose: [EITHER, ...validity.prose],
  statedIn: ['access_grant_id', 'access_grant_key', 'ends_at'],
  valid: narrowing(oneGroupOf(['access_grant_id'], ['access_grant_key']), validity.valid),
  checks: [requireOne(EITHER, ['access_grant_id'], ['access_grant_key']), ...validity.checks],
  invalid: [
    reshaped('prose: neither access_grant_id nor access_grant_key', EITHER, {
      remove: ['access_grant_id', 'access_grant_key'],
    }),
    ...validity.invalid,
  ],
} satisfies EndpointRules
