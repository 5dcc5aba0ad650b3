import { type AuthVariant, expectedAuthVerdict } from '../../contracts/auth.ts'
import type { Operation } from '../../contracts/operations.ts'
import { type AuthSecrets, resolveAuth } from '../../contracts/credentials.ts'

// The run's own credentials an operation may be called with, most ordinary first.
const PREFERENCE: AuthVariant[] = [
  { use: 'api_key' },
  { use: 'personal_access_token', workspace: true },
  { use: 'client_session_token' },
  { use: 'console_session', workspace: true },
]

/**
 * The credential ordinary requests to this operation carry: the run's primary one where the
 * operation takes it, else the first other kind it takes that the run holds. Undefined: none.
 */
export function credentialFor(operation: Operation, secrets: AuthSecrets): AuthVariant | undefined {
  const primary = PREFERENCE.find((variant) => variant.use === secrets.primary)
  const candidates = primary === undefined ? PREFERENCE : [primary, ...PREFERENCE]
  return candidates.find(
    (variant) =>
      expectedAuthVerdict(operation.security, variant).ok && resolveAuth(variant, secrets) !== undefined,
  )
}

export function noCredentialReason(operation: Operation): string {
  const schemes = operation.security.map((alternative) => alternative.join('+')).join(', ')
  return `the run holds no credential this operation takes (security: ${schemes || 'none'})`
}
