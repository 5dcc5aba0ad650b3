import { oneGroupOf } from './one-group-of.ts'
import { needs, requireOne } from './presence.ts'
import { reshaped } from './reshaped.ts'
import type { EndpointRules } from './types.ts'

const EITHER = 'You must provide either acs_user_id or user_identity_id.'
const ALSO = 'If you provide user_identity_id, you must also provide acs_system_id.'

export const acsUsersDelete = {
  path: '/acs/users/delete',
  prose: [EITHER, ALSO],
  statedIn: ['acs_user_id', 'user_identity_id', 'acs_system_id'],
  valid: oneGroupOf(['acs_user_id'], ['user_identity_id', 'acs_system_id']),
  checks: [
    requireOne(EITHER, ['acs_user_id'], ['user_identity_id']),
    needs(ALSO, 'user_identity_id', 'acs_system_id'),
  ],
  invalid: [
    reshaped('prose: neither acs_user_id nor user_identity_id', EITHER, {
      remove: ['acs_user_id', 'user_identity_id', 'acs_system_id'],
    }),
    reshaped('prose: user_identity_id without acs_system_id', ALSO, {
      set: ['user_identity_id'],
      remove: ['acs_user_id', 'acs_system_id'],
    }),
  ],
} satisfies EndpointRules
