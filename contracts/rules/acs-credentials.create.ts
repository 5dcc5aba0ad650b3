import { narrowing } from './narrowing.ts'
import { oneGroupOf } from './one-group-of.ts'
import { requireOne } from './presence.ts'
import { reshaped } from './reshaped.ts'
import { timeWindow } from './time-window.ts'
import type { EndpointRules } from './types.ts'

const EITHER = 'You must provide either acs_user_id or the combination of user_identity_id and acs_system_id.'
const validity = timeWindow({ starts: 'starts_at', ends: 'ends_at' })

export const acsCredentialsCreate = {
  path: '/acs/credentials/create',
  prose: [EITHER, ...validity.prose],
  statedIn: ['acs_user_id', 'user_identity_id', 'acs_system_id', 'ends_at'],
  valid: narrowing(oneGroupOf(['acs_user_id'], ['user_identity_id', 'acs_system_id']), validity.valid),
  checks: [requireOne(EITHER, ['acs_user_id'], ['user_identity_id', 'acs_system_id']), ...validity.checks],
  invalid: [
    reshaped('prose: neither acs_user_id nor user_identity_id and acs_system_id', EITHER, {
      remove: ['acs_user_id', 'user_identity_id', 'acs_system_id'],
    }),
    reshaped('prose: user_identity_id without acs_system_id', EITHER, {
      set: ['user_identity_id'],
      remove: ['acs_user_id', 'acs_system_id'],
    }),
    ...validity.invalid,
  ],
} satisfies EndpointRules
