// The Seam contract mock: a node:http server around Prism's engine. Seam's rules (token kinds, the
// workspace header, content type, prose rules) and Prism (schema, security) judge each request; a
// valid one is answered by the suite's own valid arbitraries, an invalid one with Seam's error
// envelope. One process, no per-request logging.
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { IHttpOperation } from '@stoplight/types'

import { fnv1a } from '../contracts/hash.ts'
import { flatHeaders } from '../contracts/headers.ts'
import { readJson } from '../contracts/json.ts'
import { recentCache } from '../contracts/memo.ts'
import { queryRecord, withoutStrictFlag } from '../contracts/query.ts'
import { type Operation, operationsOf } from '../contracts/operations.ts'
import type { Payload } from '../contracts/request.ts'
import { loadSpec, type Spec } from '../contracts/spec.ts'
import { type Validators, validatorsOf } from '../contracts/validators.ts'
import type { PrismEngine } from './prism-engine.ts'
import {
  type AcceptedCredentials,
  authRejection,
  contentTypeRejection,
  proseRejection,
  type Rejection,
} from './seam-rules.ts'
import { errorEnvelope, successBodyText, validationErrors } from './responses.ts'
import type { MockRequest, MockResponse } from './types.ts'

export type { MockRequest, MockResponse } from './types.ts'

/** Changes an answer before it leaves: how the self-test's fault fixtures break one rule. */
export type Fault = (context: FaultContext) => MockResponse

/** A fault that answers later, or never: a server that hangs. */
export type SlowFault = (context: FaultContext) => Promise<MockResponse>

export type FaultContext = { operation: Operation; request: MockRequest; response: MockResponse }

export type MockOptions = {
  host?: string
  port?: number
  spec?: Spec
  fault?: Fault | SlowFault
  /** `seam` (default): Prism plus Seam's rules and error envelope. `prism`: Prism's judgement only. */
  rules?: 'seam' | 'prism'
  accepted?: AcceptedCredentials
  /** Sees every request and the answer it got (after any fault): how the SDK gate observes the wire. */
  onExchange?: (request: MockRequest, response: MockResponse) => void
  /**
   * Requests the server never answers (it keeps the connection open until the client gives up):
   * how the tests play a target that stops answering, e.g. Prism's CLI on a body that is not JSON.
   */
  hang?: (request: MockRequest, rawBody: string) => boolean
  /**
   * Read the spec and Prism at the first request, not at the start: a mock that may never be asked
   * (the embedded mock's server, when the test workers answer in-process) costs nothing. A failure
   * to read them is then that request's 500.
   */
  lazy?: boolean
}

/** What the mock has done so far: how many requests, and the time spent answering them. */
export type MockStats = { requests: number; busyMs: number }

export type RunningMock = { url: string; stats: MockStats; close(): Promise<void> }

/** The mock without its server: answers a request read off the wire, as the server would. */
export type MockHandler = {
  answer(request: MockRequest, rawBody: string): Promise<MockResponse>
  stats: MockStats
}

export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const handler = await createMockHandler(options)
  const server = createServer((req, res) => {
    handle(req, res, handler.answer, options.hang).catch((error: unknown) => {
      if (res.headersSent) res.destroy()
      else send(res, json(500, errorEnvelope('internal_server_error', `mock failure: ${String(error)}`)))
    })
  })
  server.keepAliveTimeout = 30_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve)
  })
  const { address, port } = server.address() as AddressInfo
  const host = address.includes(':') ? `[${address}]` : address
  return {
    url: `http://${host}:${port}`,
    stats: handler.stats,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** The mock's judgement and answers, for a server or for an in-process dispatcher. */
export async function createMockHandler(options: MockOptions = {}): Promise<MockHandler> {
  let loading: Promise<Loaded> | undefined
  const load = () => (loading ??= loadMock(options.spec))
  if (options.lazy !== true) await load()

  const seamRules = (options.rules ?? 'seam') === 'seam'
  const reject = (rejection: Rejection, extra: Record<string, unknown> = {}): MockResponse =>
    seamRules
      ? json(rejection.status, errorEnvelope(rejection.type, rejection.message, extra))
      : { status: rejection.status, headers: {}, body: '' }

  const judge = async (
    { engine, validators }: Loaded,
    operation: Operation,
    prismOperation: IHttpOperation,
    request: MockRequest,
    rawBody: string,
  ): Promise<MockResponse> => {
    if (seamRules) {
      const rejection = authRejection(operation, request, options.accepted)
      if (rejection !== undefined) return reject(rejection)
    }
    if (rawBody !== '' && request.body === undefined) {
      return reject(invalidInput('Request body is not valid JSON'), { validation_errors: {} })
    }
    if (seamRules) {
      const rejection = contentTypeRejection(request, rawBody)
      if (rejection !== undefined) return reject(rejection, { validation_errors: {} })
    }
    const verdict = await engine.judge(prismOperation, {
      method: prismOperation.method as 'post',
      url: { path: request.path, query: request.query },
      headers: request.headers,
      body: request.body,
    })
    if (verdict.status === 401) return reject({ status: 401, type: 'unauthorized', message: 'Unauthorized' })
    if (verdict.status >= 300) {
      const message = verdict.findings.map((finding) => finding.message).join('; ') || 'Invalid input'
      return reject(invalidInput(message), { validation_errors: validationErrors(verdict.findings) })
    }
    if (seamRules && operation.input.in === 'body') {
      // Prism lets some schema violations through (e.g. null for an optional property, a body
      // matching two oneOf branches): the contract mock holds bodies to the schema itself.
      const errors = validators.request(operation)(request.body)
      if (errors.length > 0) {
        const findings = errors.map((error) => ({
          path: ['body', ...error.path.split('/').slice(1)],
          message: `${error.path} ${error.message}`,
        }))
        return reject(invalidInput(findings.map((f) => f.message).join('; ')), {
          validation_errors: validationErrors(findings),
        })
      }
    }
    if (seamRules) {
      const parameters = (operation.input.in === 'query' ? request.query : request.body) as Payload
      const rejection = proseRejection(operation, parameters)
      if (rejection !== undefined) return reject(rejection, { validation_errors: {} })
    }
    const requestHash = fnv1a(`${request.path}?${JSON.stringify(request.query)}${rawBody}`)
    return { status: 200, headers: JSON_HEADERS, body: successBodyText(operation, requestHash) }
  }

  // A judgement depends on the request alone (a prose rule's "now" aside, which no generated date is
  // near), and about a tenth of a run's requests repeat one sent moments before: an operation that
  // takes few inputs has few distinct requests.
  const recentAnswers = recentCache<Promise<MockResponse>>(RECENT_ANSWERS)
  const stats: MockStats = { requests: 0, busyMs: 0 }
  const answer = async (request: MockRequest, rawBody: string): Promise<MockResponse> => {
    const started = performance.now()
    try {
      const response = await answerFor(request, rawBody)
      options.onExchange?.(request, response)
      return response
    } finally {
      stats.requests++
      stats.busyMs += performance.now() - started
    }
  }
  const answerFor = async (request: MockRequest, rawBody: string): Promise<MockResponse> => {
    const loaded = await load()
    const { engine, operations } = loaded
    const operation = operations.get(`${request.method} ${request.path}`)
    const prismOperation = engine.route(request.method, request.path)
    if (operation === undefined || prismOperation === undefined) {
      return json(404, errorEnvelope('not_found', `No ${request.method} operation at ${request.path}`))
    }
    // The SDK's strict flag is its own convention, not a parameter: judged (and answered) as if absent.
    const judged = { ...request, query: withoutStrictFlag(request.query) }
    const key = `${request.method} ${request.path}?${JSON.stringify(judged.query)}\n${JSON.stringify(request.headers)}\n${rawBody}`
    const response = await recentAnswers(key, () => judge(loaded, operation, prismOperation, judged, rawBody))
    return options.fault === undefined ? response : await options.fault({ operation, request, response })
  }

  return { answer, stats }
}

/** Requests whose answers are kept: about the requests of the few operations in flight. */
const RECENT_ANSWERS = 1024

type Loaded = {
  engine: PrismEngine
  operations: Map<string, Operation>
  validators: Validators
}

async function loadMock(given?: Spec): Promise<Loaded> {
  const spec = given ?? (await loadSpec())
  // Imported here, not above: Prism's modules take most of a second to load, and a lazy mock (the
  // server global setup starts before the test workers) may never need them.
  const { prismEngineFor } = await import('./prism-engine.ts')
  return {
    engine: await prismEngineFor(spec.document),
    // Shared with whatever else in this process reads the same spec: a test worker's suite.
    operations: new Map(operationsOf(spec).map((operation) => [operation.id, operation])),
    validators: validatorsOf(spec),
  }
}

function invalidInput(message: string): Rejection {
  return { status: 400, type: 'invalid_input', message }
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  answer: (request: MockRequest, rawBody: string) => Promise<MockResponse>,
  hang?: (request: MockRequest, rawBody: string) => boolean,
): Promise<void> {
  const rawBody = await readBody(req)
  const request = mockRequest(req.method ?? 'GET', req.url ?? '/', flatHeaders(req.headers), rawBody)
  if (hang?.(request, rawBody) === true) return
  send(res, await answer(request, rawBody))
}

/** A request as the mock reads it: from its method, target (path and query), headers and body. */
export function mockRequest(
  method: string,
  target: string,
  headers: Record<string, string>,
  rawBody: string,
): MockRequest {
  const url = new URL(target, 'http://mock')
  const body = readJson(rawBody)
  return {
    method: method.toUpperCase(),
    path: url.pathname,
    query: queryRecord(url.searchParams),
    headers,
    ...('json' in body ? { body: body.json } : {}),
  }
}

function send(res: ServerResponse, response: MockResponse): void {
  res.writeHead(response.status, { 'seam-request-id': randomUUID(), ...response.headers })
  res.end(response.body)
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' }

function json(status: number, body: unknown): MockResponse {
  return { status, headers: JSON_HEADERS, body: JSON.stringify(body) }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
