// The run's credentials, the headers each auth variant sends, and how secrets are kept out of
// everything the suite prints or writes.
import type { AuthVariant } from './auth.ts'

export type AuthSecrets = {
  /** What ordinary requests use, where the operation takes it. */
  primary: 'api_key' | 'personal_access_token'
  apiKey?: string
  personalAccessToken?: string
  workspaceId?: string
  clientSessionToken?: string
  consoleSessionToken?: string
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
      return bearer(secrets.apiKey, 'SEAM_API_KEY')
    case 'personal_access_token': {
      const withWorkspace = variant?.use !== 'personal_access_token' || variant.workspace
      return bearer(
        secrets.personalAccessToken,
        'SEAM_PERSONAL_ACCESS_TOKEN',
        withWorkspace ? secrets.workspaceId : undefined,
        withWorkspace,
      )
    }
    case 'client_session_token':
      return bearer(secrets.clientSessionToken, 'SEAM_CLIENT_SESSION_TOKEN')
    case 'console_session': {
      const withWorkspace = variant?.use === 'console_session' && variant.workspace
      return bearer(
        secrets.consoleSessionToken,
        'SEAM_CONSOLE_SESSION_TOKEN',
        secrets.workspaceId,
        withWorkspace,
      )
    }
  }
}

function bearer(
  token: string | undefined,
  variable: string,
  workspaceId?: string,
  withWorkspace = false,
): ResolvedAuth | undefined {
  if (token === undefined || (withWorkspace && workspaceId === undefined)) return undefined
  const workspace = withWorkspace ? { 'seam-workspace': workspaceId as string } : {}
  return {
    headers: { authorization: `Bearer ${token}`, ...workspace },
    printable: { authorization: `Bearer ${REDACTED}`, ...workspace },
    secretVariable: variable,
  }
}

/** The environment variables a variant needs that the run was not given; empty when it holds them. */
export function missingVariables(variant: AuthVariant, secrets: AuthSecrets): string[] {
  const needs = (value: string | undefined, variable: string) => (value === undefined ? [variable] : [])
  const workspace = (withIt: boolean) => (withIt ? needs(secrets.workspaceId, 'SEAM_WORKSPACE_ID') : [])
  switch (variant.use) {
    case 'none':
    case 'header':
      return []
    case 'api_key':
      return needs(secrets.apiKey, 'SEAM_API_KEY')
    case 'personal_access_token':
      return [
        ...needs(secrets.personalAccessToken, 'SEAM_PERSONAL_ACCESS_TOKEN'),
        ...workspace(variant.workspace),
      ]
    case 'client_session_token':
      return needs(secrets.clientSessionToken, 'SEAM_CLIENT_SESSION_TOKEN')
    case 'console_session':
      return [
        ...needs(secrets.consoleSessionToken, 'SEAM_CONSOLE_SESSION_TOKEN'),
        ...workspace(variant.workspace),
      ]
  }
}

/** The kinds of credential a run may hold, as the summary names them, each with the variant that uses it. */
export const CREDENTIAL_KINDS: { label: string; variant: AuthVariant }[] = [
  { label: 'API key', variant: { use: 'api_key' } },
  { label: 'personal access token + workspace', variant: { use: 'personal_access_token', workspace: true } },
  { label: 'client session', variant: { use: 'client_session_token' } },
  { label: 'console session + workspace', variant: { use: 'console_session', workspace: true } },
]

/** Which kinds of credential the run holds, and for the others which variables were not given. */
export function heldCredentials(secrets: AuthSecrets): { held: string[]; missing: string[] } {
  const held: string[] = []
  const missing: string[] = []
  for (const { label, variant } of CREDENTIAL_KINDS) {
    const variables = missingVariables(variant, secrets)
    if (variables.length === 0) held.push(label)
    else missing.push(`${label} (no ${variables.join(', ')})`)
  }
  return { held, missing }
}

/** The secret values a run holds (the workspace id is not one). */
export function secretValues(secrets: AuthSecrets): string[] {
  return [
    secrets.apiKey,
    secrets.personalAccessToken,
    secrets.clientSessionToken,
    secrets.consoleSessionToken,
  ].filter((value): value is string => value !== undefined && value !== '')
}

/** Replaces every occurrence of a secret value in `text` by the marker. */
export function scrubSecrets(text: string, secrets: string[]): string {
  let scrubbed = text
  // Looked for before replaced: nearly every text holds none, and a search allocates nothing.
  for (const secret of secrets)
    if (scrubbed.includes(secret)) scrubbed = scrubbed.replaceAll(secret, REDACTED)
  return scrubbed
}
