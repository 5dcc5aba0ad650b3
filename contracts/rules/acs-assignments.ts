import { oneGroupOf } from './one-group-of.ts'
import { notTogether } from './presence.ts'
import { reshaped } from './reshaped.ts'
import type { EndpointRules } from './types.ts'

/** The same rule at each of these paths, in each description's own words. */
function rulesAt(path: string, onlyOne = 'You can only provide one of acs_user_id or user_identity_id.') {
  return {
    path,
    prose: [onlyOne],
    statedIn: ['acs_user_id', 'user_identity_id'],
    // "Only one of", and somebody to act on: valid requests carry exactly one.
    valid: oneGroupOf(['acs_user_id'], ['user_identity_id']),
    checks: [notTogether(onlyOne, 'acs_user_id', 'user_identity_id')],
    invalid: [
      reshaped('prose: both acs_user_id and user_identity_id', onlyOne, {
        set: ['acs_user_id', 'user_identity_id'],
      }),
    ],
  } satisfies EndpointRules
}

export const acsAccessGroupsAddUser = rulesAt('/acs/access_groups/add_user')
export const acsCredentialsAssign = rulesAt('/acs/credentials/assign')
export const acsCredentialsUnassign = rulesAt('/acs/credentials/unassign')
export const acsUsersRemoveFromAccessGroup = rulesAt(
  '/acs/users/remove_from_access_group',
  'You can only provide acs_user_id or user_identity_id.',
)
