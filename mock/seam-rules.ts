// What plain Prism cannot know and Seam's API does: token kinds and the seam-workspace header,
// the content type, and each endpoint's prose rules. Each returns the rejection to send, if any.
import { judgeBearer, tokenKind } from '../contracts/auth.ts'
import type { Operation } from '../contracts/operations.ts'
import type { Payload } from '../contracts/request.ts'
import { proseViolations } from '../contracts/rules/index.ts'
import type { MockRequest } from './types.ts'

export type Rejection = { status: number; type: string; message: string }

/** Credentials the mock takes; unset ones accept any well-formed value of their kind. */
export type AcceptedCredentials = {
  apiKey?: string
  personalAccessToken?: string
  clientSessionToken?: string
  consoleSessionToken?: string
  workspaceId?: string
}

export function authRejection(
  operation: Operation,
  request: MockRequest,
  accepted: AcceptedCredentials = {},
): Rejection | undefined {
  const authorization = request.headers.authorization
  const workspace = request.headers['seam-workspace']
  const verdict = judgeBearer(operation.security, authorization, workspace)
  if (!verdict.ok) return verdict
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1]
  // A public operation passes whatever it is sent; there is no credential to hold to the accepted ones.
  if (token === undefined) return undefined
  const expected = {
    api_key: accepted.apiKey,
    personal_access_token: accepted.personalAccessToken,
    client_session_token: accepted.clientSessionToken,
    console_session: accepted.consoleSessionToken,
    publishable_key: undefined,
    unknown: undefined,
  }[tokenKind(token)]
  if (expected !== undefined && token !== expected) return unauthorized('Invalid credentials')
  if (workspace !== undefined && accepted.workspaceId !== undefined && workspace !== accepted.workspaceId) {
    return unauthorized('Unknown workspace')
  }
  return undefined
}

export function contentTypeRejection(request: MockRequest, rawBody: string): Rejection | undefined {
  const contentType = request.headers['content-type'] ?? ''
  if (rawBody === '' || /^application\/json\b/i.test(contentType)) return undefined
  return {
    status: 400,
    type: 'invalid_input',
    message: `content-type must be application/json, not "${contentType}"`,
  }
}

export function proseRejection(operation: Operation, parameters: Payload): Rejection | undefined {
  const [message] = proseViolations(operation.path, parameters, new Date())
  return message === undefined ? undefined : { status: 400, type: 'invalid_input', message }
}

function unauthorized(message: string): Rejection {
  return { status: 401, type: 'unauthorized', message }
}
