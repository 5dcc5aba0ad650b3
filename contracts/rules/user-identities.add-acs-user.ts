import { exactlyOneOf } from './exactly-one-of.ts'
import type { EndpointRules } from './types.ts'

const EITHER = 'You must specify either user_identity_id or user_identity_key.'

export const addAcsUser = {
  path: '/user_identities/add_acs_user',
  prose: [EITHER, 'Void: the SDKs return nothing; the wire body is {"ok": true}.'],
  statedIn: ['description'],
  // "Either … or": valid requests carry exactly one, so no server can read them as ambiguous.
  valid: exactlyOneOf('user_identity_id', 'user_identity_key'),
  violation: (parameters) =>
    'user_identity_id' in parameters || 'user_identity_key' in parameters ? undefined : EITHER,
  invalid: [
    {
      label: 'prose: neither user_identity_id nor user_identity_key',
      breaks: EITHER,
      make: (valid) => valid.map(({ user_identity_id: _id, user_identity_key: _key, ...rest }) => rest),
    },
  ],
} satisfies EndpointRules
