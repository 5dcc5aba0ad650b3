import { narrowing } from './narrowing.ts'
import { oneGroupOf } from './one-group-of.ts'
import { needs, notTogether } from './presence.ts'
import { reshaped } from './reshaped.ts'
import { timeWindow } from './time-window.ts'
import type { EndpointRules } from './types.ts'

const ONLY_ONE = 'You can only provide acs_user_id or user_identity_id.'
const ALSO = 'If you provide user_identity_id, you must also provide acs_system_id.'
const SYSTEM_WITH_IDENTITY = 'You can only provide acs_system_id with user_identity_id.'
const schedule = timeWindow({ at: 'access_schedule', starts: 'starts_at', ends: 'ends_at' })

export const acsUsersUpdate = {
  path: '/acs/users/update',
  prose: [ONLY_ONE, ALSO, SYSTEM_WITH_IDENTITY, ...schedule.prose],
  statedIn: ['acs_user_id', 'user_identity_id', 'acs_system_id', 'access_schedule'],
  valid: narrowing(oneGroupOf(['acs_user_id'], ['user_identity_id', 'acs_system_id']), schedule.valid),
  checks: [
    notTogether(ONLY_ONE, 'acs_user_id', 'user_identity_id'),
    needs(ALSO, 'user_identity_id', 'acs_system_id'),
    needs(SYSTEM_WITH_IDENTITY, 'acs_system_id', 'user_identity_id'),
    ...schedule.checks,
  ],
  invalid: [
    reshaped('prose: both acs_user_id and user_identity_id', ONLY_ONE, {
      set: ['acs_user_id', 'user_identity_id', 'acs_system_id'],
    }),
    reshaped('prose: user_identity_id without acs_system_id', ALSO, {
      set: ['user_identity_id'],
      remove: ['acs_user_id', 'acs_system_id'],
    }),
    reshaped('prose: acs_system_id without user_identity_id', SYSTEM_WITH_IDENTITY, {
      set: ['acs_user_id', 'acs_system_id'],
      remove: ['user_identity_id'],
    }),
    ...schedule.invalid,
  ],
} satisfies EndpointRules
