import { oneGroupOf } from './one-group-of.ts'
import { needs, notTogether } from './presence.ts'
import { reshaped } from './reshaped.ts'
import type { EndpointRules } from './types.ts'

const ONLY_ONE = 'You can only provide acs_user_id or user_identity_id.'
const SYSTEM_WITH_IDENTITY = 'You can only provide acs_system_id with user_identity_id.'

/** The same rules, stated alike in each of these paths' descriptions. */
function rulesAt(path: string) {
  return {
    path,
    prose: [ONLY_ONE, SYSTEM_WITH_IDENTITY],
    statedIn: ['acs_user_id', 'user_identity_id', 'acs_system_id'],
    valid: oneGroupOf(['acs_user_id'], ['user_identity_id', 'acs_system_id']),
    checks: [
      notTogether(ONLY_ONE, 'acs_user_id', 'user_identity_id'),
      needs(SYSTEM_WITH_IDENTITY, 'acs_system_id', 'user_identity_id'),
    ],
    invalid: [
      reshaped('prose: both acs_user_id and user_identity_id', ONLY_ONE, {
        set: ['acs_user_id', 'user_identity_id'],
      }),
      reshaped('prose: acs_system_id without user_identity_id', SYSTEM_WITH_IDENTITY, {
        set: ['acs_user_id', 'acs_system_id'],
        remove: ['user_identity_id'],
      }),
    ],
  } satisfies EndpointRules
}

export const acsUsersListAccessibleEntrances = rulesAt('/acs/users/list_accessible_entrances')
export const acsUsersRevokeAccessToAllEntrances = rulesAt('/acs/users/revoke_access_to_all_entrances')
