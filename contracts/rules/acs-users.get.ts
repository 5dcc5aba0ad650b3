import { oneGroupOf } from './one-group-of.ts'
import { notTogether } from './presence.ts'
import { reshaped } from './reshaped.ts'
import type { EndpointRules } from './types.ts'

const ONLY_ONE = 'You can only provide acs_user_id or user_identity_id.'

export const acsUsersGet = {
  path: '/acs/users/get',
  prose: [ONLY_ONE],
  statedIn: ['acs_user_id', 'user_identity_id', 'acs_system_id'],
  // A user identity names a user within one access system, as the other acs/users endpoints say.
  valid: oneGroupOf(['acs_user_id'], ['user_identity_id', 'acs_system_id']),
  checks: [notTogether(ONLY_ONE, 'acs_user_id', 'user_identity_id')],
  invalid: [
    reshaped('prose: both acs_user_id and user_identity_id', ONLY_ONE, {
      set: ['acs_user_id', 'user_identity_id'],
    }),
  ],
} satisfies EndpointRules
