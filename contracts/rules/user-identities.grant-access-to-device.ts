import type { EndpointRules } from './types.ts'

export const grantAccessToDevice = {
  path: '/user_identities/grant_access_to_device',
  prose: [
    'Authorization: Bearer <API key>, or a personal access token with a seam-workspace header.',
    'Void: the SDKs return nothing; the wire body is {"ok": true}.',
  ],
} satisfies EndpointRules
