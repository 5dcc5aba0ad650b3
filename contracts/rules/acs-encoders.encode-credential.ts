import { oneGroupOf } from './one-group-of.ts'
import { requireOne } from './presence.ts'
import { reshaped } from './reshaped.ts'
import type { EndpointRules } from './types.ts'

const EITHER = 'Either provide an acs_credential_id or an access_method_id.'

export const acsEncodersEncodeCredential = {
  path: '/acs/encoders/encode_credential',
  prose: [EITHER],
  statedIn: ['description'],
  valid: oneGroupOf(['acs_credential_id'], ['access_method_id']),
  checks: [requireOne(EITHER, ['acs_credential_id'], ['access_method_id'])],
  invalid: [
    reshaped('prose: neither acs_credential_id nor access_method_id', EITHER, {
      remove: ['acs_credential_id', 'access_method_id'],
    }),
  ],
} satisfies EndpointRules
