import { oneGroupOf } from './one-group-of.ts'
import { needs, notTogether } from './presence.ts'
import { reshaped } from './reshaped.ts'
import type { EndpointRules } from './types.ts'

const ONLY = 'You can only provide acs_user_id or the combination of acs_system_id and user_identity_id.'
// The one sentence, as the three ways a request can break it.
const NOT_BOTH = 'acs_user_id and user_identity_id together: ' + ONLY
const IDENTITY_WITH_SYSTEM = 'user_identity_id without acs_system_id: ' + ONLY
const SYSTEM_WITH_IDENTITY = 'acs_system_id without user_identity_id: ' + ONLY

/** The same rules, stated alike in each of these paths' descriptions. */
function rulesAt(path: string) {
  return {
    path,
    prose: [ONLY],
    statedIn: ['acs_user_id', 'user_identity_id', 'acs_system_id'],
    valid: oneGroupOf(['acs_user_id'], ['user_identity_id', 'acs_system_id']),
    checks: [
      notTogether(NOT_BOTH, 'acs_user_id', 'user_identity_id'),
      needs(IDENTITY_WITH_SYSTEM, 'user_identity_id', 'acs_system_id'),
      needs(SYSTEM_WITH_IDENTITY, 'acs_system_id', 'user_identity_id'),
    ],
    invalid: [
      reshaped('prose: acs_user_id beside acs_system_id and user_identity_id', NOT_BOTH, {
        set: ['acs_user_id', 'user_identity_id', 'acs_system_id'],
      }),
      reshaped('prose: user_identity_id without acs_system_id', IDENTITY_WITH_SYSTEM, {
        set: ['user_identity_id'],
        remove: ['acs_user_id', 'acs_system_id'],
      }),
      reshaped('prose: acs_system_id without user_identity_id', SYSTEM_WITH_IDENTITY, {
        set: ['acs_user_id', 'acs_system_id'],
        remove: ['user_identity_id'],
      }),
    ],
  } satisfies EndpointRules
}

export const acsUsersSuspend = rulesAt('/acs/users/suspend')
export const acsUsersUnsuspend = rulesAt('/acs/users/unsuspend')
