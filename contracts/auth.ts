// Seam's authentication contract: which kind of token a bearer value is, and which security schemes
// of the spec each kind can satisfy.

export type TokenKind =
  | 'api_key'
  | 'personal_access_token'
  | 'client_session_token'
  | 'publishable_key'
  | 'console_session'
  | 'unknown'

/** Token kinds as seen in the wild: `seam_…` keys, `seam_at…` PATs, `seam_cst…`, `seam_pk…`, JWTs. */
export function tokenKind(token: string): TokenKind {
  if (token.startsWith('seam_at')) return 'personal_access_token'
  if (token.startsWith('seam_cst')) return 'client_session_token'
  if (token.startsWith('seam_pk')) return 'publishable_key'
  if (token.startsWith('seam_')) return 'api_key'
  if (/^ey[\w-]+\.[\w-]+\.[\w-]*$/.test(token)) return 'console_session'
  return 'unknown'
}

/** The bearer schemes of the spec that a token kind can satisfy, and whether it needs a workspace. */
export const BEARER_SCHEMES: Record<TokenKind, { scheme: string; needsWorkspace: boolean }[]> = {
  api_key: [{ scheme: 'api_key', needsWorkspace: false }],
  personal_access_token: [
    { scheme: 'pat_with_workspace', needsWorkspace: true },
    { scheme: 'pat_without_workspace', needsWorkspace: false },
  ],
  client_session_token: [
    { scheme: 'client_session', needsWorkspace: false },
    { scheme: 'client_session_with_customer', needsWorkspace: false },
    { scheme: 'client_session_with_customer_ro', needsWorkspace: false },
  ],
  console_session: [
    { scheme: 'console_session_with_workspace', needsWorkspace: true },
    { scheme: 'console_session_without_workspace', needsWorkspace: false },
  ],
  // Publishable keys travel in their own header, never as a bearer token.
  publishable_key: [],
  unknown: [],
}

export type AuthVerdict =
  | { ok: true }
  | { ok: false; status: 401; type: 'unauthorized'; message: string }
  | { ok: false; status: 400; type: 'missing_workspace_id'; message: string }

/**
 * Judges the `Authorization` and `seam-workspace` headers against an operation's security
 * alternatives (`security: [{api_key: []}, {pat_with_workspace: []}, …]`).
 */
export function judgeBearer(
  security: string[][],
  authorization: string | undefined,
  workspace: string | undefined,
): AuthVerdict {
  const unauthorized = (message: string): AuthVerdict => ({
    ok: false,
    status: 401,
    type: 'unauthorized',
    message,
  })
  // No alternatives, or an empty one: the operation is public.
  if (security.length === 0 || security.some((alternative) => alternative.length === 0)) return { ok: true }
  if (authorization === undefined) return unauthorized('Missing Authorization header')
  const token = /^Bearer (\S+)$/.exec(authorization)?.[1]
  if (token === undefined) return unauthorized('Authorization must be "Bearer <token>"')
  const kind = tokenKind(token)
  const allowed = new Set(security.flat())
  const usable = BEARER_SCHEMES[kind].filter(({ scheme }) => allowed.has(scheme))
  if (usable.length === 0) return unauthorized(`A ${kind.replaceAll('_', ' ')} cannot call this endpoint`)
  if (workspace === undefined && usable.every(({ needsWorkspace }) => needsWorkspace)) {
    return {
      ok: false,
      status: 400,
      type: 'missing_workspace_id',
      message: 'You must provide a workspace id in the seam-workspace header',
    }
  }
  return { ok: true }
}

/** How a request authenticates: the run's own credentials, a made-up header, or nothing. */
export type AuthVariant =
  | { use: 'none' }
  /** A made-up credential: not a secret, printed as is. */
  | { use: 'header'; authorization: string }
  | { use: 'api_key' }
  | { use: 'personal_access_token'; workspace: boolean }
  | { use: 'client_session_token' }
  | { use: 'console_session'; workspace: boolean }

/** What the contract says a server must answer to a variant, for an operation's security. */
export function expectedAuthVerdict(security: string[][], variant: AuthVariant): AuthVerdict {
  switch (variant.use) {
    case 'none':
      return judgeBearer(security, undefined, undefined)
    case 'header':
      return judgeBearer(security, variant.authorization, undefined)
    case 'api_key':
      return judgeBearer(security, 'Bearer seam_key', undefined)
    case 'personal_access_token':
      return judgeBearer(security, 'Bearer seam_at_token', variant.workspace ? 'workspace' : undefined)
    case 'client_session_token':
      return judgeBearer(security, 'Bearer seam_cst_token', undefined)
    case 'console_session':
      return judgeBearer(security, 'Bearer eyJ0.eyJ0.sig', variant.workspace ? 'workspace' : undefined)
  }
}
