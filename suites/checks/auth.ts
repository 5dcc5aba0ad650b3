// The authentication rules: what the contract expects for a request's credentials (see
// contracts/auth.ts), held against what the server answered.
import { type AuthVariant, type AuthVerdict, expectedAuthVerdict } from '../../contracts/auth.ts'
import type { GeneratedRequest } from '../../contracts/request.ts'
import { readErrorEnvelope } from '../../contracts/error-envelope.ts'
import { isSuccess } from '../../contracts/json.ts'
import type { Check, CheckContext } from './types.ts'

/** What the contract expects for the request's credentials; undefined for a request without a variant. */
function expected({ operation }: CheckContext, request: GeneratedRequest): AuthVerdict | undefined {
  return request.auth === undefined ? undefined : expectedAuthVerdict(operation.security, request.auth)
}

export const authRequired = {
  name: 'auth_required',
  severity: 'blocker',
  area: 'auth',
  answers: 'any',
  description: 'Missing, malformed or wrong-kind credentials get 401.',
  appliesTo: () => true,
  run: (context, { request, response }) => {
    const verdict = expected(context, request)
    if (verdict === undefined || verdict.ok || verdict.status !== 401 || response.status === 401) return []
    const message = `${describeAuth(request.auth)}: answered ${response.status}, expected 401`
    return [{ message }]
  },
} satisfies Check

export const workspaceHeaderRequired = {
  name: 'workspace_header_required',
  severity: 'blocker',
  area: 'auth',
  answers: 'any',
  description: 'A personal access token without seam-workspace gets 400 missing_workspace_id.',
  appliesTo: () => true,
  run: (context, { request, response }) => {
    const verdict = expected(context, request)
    if (verdict === undefined || verdict.ok || verdict.status !== 400) return []
    const type = readErrorEnvelope(response.json)?.type
    if (response.status === 400 && type === 'missing_workspace_id') return []
    const answered = type === undefined ? `${response.status}` : `${response.status} ${JSON.stringify(type)}`
    const message = `${describeAuth(request.auth)}: answered ${answered}, expected 400 "missing_workspace_id"`
    return [{ message }]
  },
} satisfies Check

export const authAccepted = {
  name: 'auth_accepted',
  severity: 'critical',
  area: 'auth',
  answers: 'any',
  description: 'Valid credentials of a kind the operation allows get 2xx.',
  appliesTo: () => true,
  run: (context, { request, response }) => {
    if (expected(context, request)?.ok !== true || isSuccess(response.status)) return []
    const message = `${describeAuth(request.auth)}: answered ${response.status}, expected 2xx`
    return [{ message }]
  },
} satisfies Check

function describeAuth(auth: AuthVariant | undefined): string {
  switch (auth?.use) {
    case undefined:
      return "the run's credential"
    case 'none':
      return 'no Authorization header'
    case 'header':
      return `Authorization "${auth.authorization}"`
    case 'api_key':
      return 'the API key'
    case 'personal_access_token':
      return `the personal access token ${auth.workspace ? 'with' : 'without'} seam-workspace`
    case 'client_session_token':
      return 'the client session token'
    case 'console_session':
      return `the console session ${auth.workspace ? 'with' : 'without'} seam-workspace`
  }
}
