import { exactlyOneOf } from './exactly-one-of.ts'
import type { EndpointRules } from './types.ts'

const ONLY_ONE = 'You can only provide one of acs_user_id or user_identity_id.'

export const acsEntrancesGrantAccess = {
  path: '/acs/entrances/grant_access',
  prose: [ONLY_ONE, 'Void: the SDKs return nothing; the wire body is {"ok": true}.'],
  statedIn: ['acs_user_id', 'user_identity_id'],
  // "Only one of" and somebody to grant access to: valid requests carry exactly one.
  valid: exactlyOneOf('acs_user_id', 'user_identity_id'),
  violation: (parameters) =>
    'acs_user_id' in parameters && 'user_identity_id' in parameters ? ONLY_ONE : undefined,
  invalid: [
    {
      label: 'prose: both acs_user_id and user_identity_id',
      breaks: ONLY_ONE,
      make: (valid) =>
        valid.map((payload) => ({
          ...payload,
          acs_user_id: payload.acs_user_id ?? payload.user_identity_id,
          user_identity_id: payload.user_identity_id ?? payload.acs_user_id,
        })),
    },
  ],
} satisfies EndpointRules
