import { oneGroupOf } from './one-group-of.ts'
import { requireOne } from './presence.ts'
import { reshaped } from './reshaped.ts'
import type { EndpointRules } from './types.ts'

const EITHER = 'Provide either an acs_user_id or a user_identity_id.'

export const acsEncodersScanToAssignCredential = {
  path: '/acs/encoders/scan_to_assign_credential',
  prose: [EITHER],
  statedIn: ['description'],
  valid: oneGroupOf(['acs_user_id'], ['user_identity_id']),
  checks: [requireOne(EITHER, ['acs_user_id'], ['user_identity_id'])],
  invalid: [
    reshaped('prose: neither acs_user_id nor user_identity_id', EITHER, {
      remove: ['acs_user_id', 'user_identity_id'],
    }),
  ],
} satisfies EndpointRules
