import { oneGroupOf } from './one-group-of.ts'
import { notTogether } from './presence.ts'
import { reshaped } from './reshaped.ts'
import type { EndpointRules } from './types.ts'

const ONLY_ONE = 'You can only provide one of acs_user_id or user_identity_id.'

/** The same rules, stated alike in each of these paths' descriptions. */
function rulesAt(path: string) {
  return {
    path,
    prose: [ONLY_ONE],
    statedIn: ['acs_user_id', 'user_identity_id'],
    // "Only one of", and somebody to act on: valid requests carry exactly one.
    valid: oneGroupOf(['acs_user_id'], ['user_identity_id']),
    checks: [notTogether(ONLY_ONE, 'acs_user_id', 'user_identity_id')],
    invalid: [
      reshaped('prose: both acs_user_id and user_identity_id', ONLY_ONE, {
        set: ['acs_user_id', 'user_identity_id'],
      }),
    ],
  } satisfies EndpointRules
}

export const acsAccessGroupsAddUser = rulesAt('/acs/access_groups/add_user')
export const acsCredentialsAssign = rulesAt('/acs/credentials/assign')
export const acsCredentialsUnassign = rulesAt('/acs/credentials/unassign')
