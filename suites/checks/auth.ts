// The authentication rules: what the contract expects for a request's credentials (see
// contracts/auth.ts), held against what the server answered.
import { expectedAuthVerdict } from '../../contracts/auth.ts'
import { isPlainObject, isSuccess } from './json.ts'
import type { Check } from './types.ts'

export const authRequired = {
  name: 'auth_required',
  description: 'Missing, malformed or wrong-kind credentials get 401.',
  appliesTo: () => true,
  run: ({ operation }, { request, response }) => {
    if (request.auth === undefined) return []
    const expected = expectedAuthVerdict(operation.security, request.auth)
    if (expected.ok || expected.status !== 401 || response.status === 401) return []
    return [
      {
        check: 'auth_required',
        message: `${describeAuth(request.auth)}: answered ${response.status}, expected 401`,
      },
    ]
  },
} satisfies Check

export const workspaceHeaderRequired = {
  name: 'workspace_header_required',
  description: 'A personal access token without seam-workspace gets 400 missing_workspace_id.',
  appliesTo: () => true,
  run: ({ operation }, { request, response }) => {
    if (request.auth === undefined) return []
    const expected = expectedAuthVerdict(operation.security, request.auth)
    if (expected.ok || expected.status !== 400) return []
    const type =
      isPlainObject(response.json) && isPlainObject(response.json.error)
        ? response.json.error.type
        : undefined
    if (response.status === 400 && type === 'missing_workspace_id') return []
    return [
      {
        check: 'workspace_header_required',
        message:
          `${describeAuth(request.auth)}: answered ${response.status} ${JSON.stringify(type) ?? ''}, expected 400 "missing_workspace_id"`.replace(
            '  ',
            ' ',
          ),
      },
    ]
  },
} satisfies Check

export const authAccepted = {
  name: 'auth_accepted',
  description: 'Valid credentials of a kind the operation allows get 2xx.',
  appliesTo: () => true,
  run: ({ operation }, { request, response }) => {
    if (request.auth === undefined || !expectedAuthVerdict(operation.security, request.auth).ok) return []
    if (isSuccess(response.status)) return []
    return [
      {
        check: 'auth_accepted',
        message: `${describeAuth(request.auth)}: answered ${response.status}, expected 2xx`,
      },
    ]
  },
} satisfies Check

function describeAuth(auth: NonNullable<Parameters<typeof expectedAuthVerdict>[1]>): string {
  switch (auth.use) {
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
