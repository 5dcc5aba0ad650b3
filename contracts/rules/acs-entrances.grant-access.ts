import { exactlyOneOf } from './exactly-one-of.ts'
import type { EndpointRules } from './types.ts'

export const acsEntrancesGrantAccess = {
  path: '/acs/entrances/grant_access',
  prose: [
    'You can only provide one of acs_user_id or user_identity_id.',
    'Void: the SDKs return nothing; the wire body is {"ok": true}.',
  ],
  // "Only one of" and somebody to grant access to: valid requests carry exactly one.
  valid: exactlyOneOf('acs_user_id', 'user_identity_id'),
} satisfies EndpointRules
