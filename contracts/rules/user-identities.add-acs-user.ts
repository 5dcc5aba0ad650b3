import { exactlyOneOf } from './exactly-one-of.ts'
import type { EndpointRules } from './types.ts'

export const addAcsUser = {
  path: '/user_identities/add_acs_user',
  prose: [
    'You must specify either user_identity_id or user_identity_key.',
    'Void: the SDKs return nothing; the wire body is {"ok": true}.',
  ],
  // "Either … or": valid requests carry exactly one, so no server can read them as ambiguous.
  valid: exactlyOneOf('user_identity_id', 'user_identity_key'),
} satisfies EndpointRules
