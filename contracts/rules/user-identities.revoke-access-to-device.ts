import type { EndpointRules } from './types.ts'

export const revokeAccessToDevice = {
  path: '/user_identities/revoke_access_to_device',
  prose: [
    'Authorization: Bearer <API key>, or a personal access token with a seam-workspace header.',
    'Void: the SDKs return nothing; the wire body is {"ok": true}.',
    'Also DELETE, with the same parameters in the query string.',
  ],
} satisfies EndpointRules
