// How the suite authenticates, and how that is kept out of everything it writes.
export type Credentials =
  { kind: 'api_key'; apiKey: string } | { kind: 'personal_access_token'; token: string; workspaceId: string }

export function authHeaders(credentials: Credentials): Record<string, string> {
  if (credentials.kind === 'api_key') return { authorization: `Bearer ${credentials.apiKey}` }
  return { authorization: `Bearer ${credentials.token}`, 'seam-workspace': credentials.workspaceId }
}

/** The environment variable a replay command reads the secret from. */
export function secretVariable(credentials: Credentials): string {
  return credentials.kind === 'api_key' ? 'SEAM_API_KEY' : 'SEAM_PERSONAL_ACCESS_TOKEN'
}

const SECRET_HEADERS = new Set([
  'authorization',
  'seam-client-session-token',
  'client-session-token',
  'seam-publishable-key',
])

/** Headers safe to print, log or attach: credentials replaced by a marker. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      SECRET_HEADERS.has(name.toLowerCase()) ? redactValue(value) : value,
    ]),
  )
}

function redactValue(value: string): string {
  const scheme = /^(\w+)\s/.exec(value)?.[1]
  return scheme === undefined ? '[REDACTED]' : `${scheme} [REDACTED]`
}
