import { type AuthVariant, expectedAuthVerdict } from '../../contracts/auth.ts'
import type { Operation } from '../../contracts/operations.ts'
import { type AuthSecrets, missingVariables, resolveAuth } from '../../contracts/credentials.ts'

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

/**
 * Why an operation gets no request: the variables that would give the run a credential it takes
 * (against a server the suite did not start, only what was given is held), or that the spec gives
 * none of its schemes a token format the run could hold.
 */
export function noCredentialReason(operation: Operation, secrets: AuthSecrets): string {
  const schemes = operation.security.map((alternative) => alternative.join('+')).join(', ') || 'none'
  const taken = PREFERENCE.filter((variant) => expectedAuthVerdict(operation.security, variant).ok)
  const missing = missingOf(taken, secrets)
  if (missing.length === 0) return `the run holds no credential this operation takes (security: ${schemes})`
  return `${notGiven(missing)} (security: ${schemes})`
}

/** The variables none of which was given, for variants the run does not hold: `no A or B given`. */
export function missingOf(variants: AuthVariant[], secrets: AuthSecrets): string[] {
  return [...new Set(variants.flatMap((variant) => missingVariables(variant, secrets)))]
}

export function notGiven(variables: string[]): string {
  return `no ${variables.join(' or ')} given`
}
