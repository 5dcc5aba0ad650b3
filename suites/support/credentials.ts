// The run's credentials, the headers each auth variant sends, and how secrets are kept out of
// everything the suite prints or writes.
import type { AuthVariant } from '../../contracts/auth.ts'

export type AuthSecrets = {
  /** What ordinary requests use. */
  primary: 'api_key' | 'personal_access_token'
  apiKey?: string
  personalAccessToken?: string
  workspaceId?: string
}

export type ResolvedAuth = {
  headers: Record<string, string>
  /** The same headers, safe to print: configured secrets replaced by a marker. */
  printable: Record<string, string>
  /** The environment variable a replay reads the secret from, when one is sent. */
  secretVariable?: string
}

export const REDACTED = '[REDACTED]'

/** The headers for a variant, or undefined when the run has no such credential. */
export function resolveAuth(
  variant: AuthVariant | undefined,
  secrets: AuthSecrets,
): ResolvedAuth | undefined {
  const use = variant?.use ?? secrets.primary
  switch (use) {
    case 'none':
      return { headers: {}, printable: {} }
    case 'header': {
      const authorization = (variant as { authorization: string }).authorization
      return { headers: { authorization }, printable: { authorization } }
    }
    case 'api_key':
      if (secrets.apiKey === undefined) return undefined
      return {
        headers: { authorization: `Bearer ${secrets.apiKey}` },
        printable: { authorization: `Bearer ${REDACTED}` },
        secretVariable: 'SEAM_API_KEY',
      }
    case 'personal_access_token': {
      if (secrets.personalAccessToken === undefined || secrets.workspaceId === undefined) return undefined
      const workspace =
        variant?.use === 'personal_access_token' && !variant.workspace
          ? {}
          : { 'seam-workspace': secrets.workspaceId }
      return {
        headers: { authorization: `Bearer ${secrets.personalAccessToken}`, ...workspace },
        printable: { authorization: `Bearer ${REDACTED}`, ...workspace },
        secretVariable: 'SEAM_PERSONAL_ACCESS_TOKEN',
      }
    }
  }
}

/** The secret values a run holds (the workspace id is not one). */
export function secretValues(secrets: AuthSecrets): string[] {
  return [secrets.apiKey, secrets.personalAccessToken].filter(
    (value): value is string => value !== undefined && value !== '',
  )
}

/** Replaces every occurrence of a secret value in `text` by the marker. */
export function scrubSecrets(text: string, secrets: string[]): string {
  return secrets.reduce((scrubbed, secret) => scrubbed.replaceAll(secret, REDACTED), text)
}
