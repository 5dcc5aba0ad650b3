// The embedded mock: a node:http server around Prism's engine. Prism judges each request against
// the spec (schema, security); the answer's body comes from the suite's own valid arbitraries and
// Seam's error envelope. One process, no per-request logging.
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { fnv1a } from '../contracts/hash.ts'
import { buildOperations, type Operation } from '../contracts/operations.ts'
import { loadSpec, type Spec } from '../contracts/spec.ts'
import { prismEngineFor } from './prism-engine.ts'
import { errorEnvelope, successBody, validationErrors } from './responses.ts'

export type MockRequest = {
  method: string
  path: string
  query: Record<string, string | string[]>
  headers: Record<string, string>
  /** Parsed JSON body, if any. */
  body?: unknown
}

export type MockResponse = { status: number; headers: Record<string, string>; body: string }

/** Changes an answer before it leaves: how the self-test's fault fixtures break one rule. */
export type Fault = (context: {
  operation: Operation
  request: MockRequest
  response: MockResponse
}) => MockResponse

export type MockOptions = {
  host?: string
  port?: number
  spec?: Spec
  fault?: Fault
}

export type RunningMock = { url: string; close(): Promise<void> }

export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const spec = options.spec ?? (await loadSpec())
  const engine = await prismEngineFor(spec.document)
  const operations = new Map(buildOperations(spec).map((operation) => [operation.id, operation]))

  const answer = async (request: MockRequest, rawBody: string): Promise<MockResponse> => {
    const operation = operations.get(`${request.method} ${request.path}`)
    const prismOperation = engine.route(request.method, request.path)
    if (operation === undefined || prismOperation === undefined) {
      return json(404, errorEnvelope('not_found', `No ${request.method} operation at ${request.path}`))
    }
    if (rawBody !== '' && request.body === undefined) {
      return json(
        400,
        errorEnvelope('invalid_input', 'Request body is not valid JSON', { validation_errors: {} }),
      )
    }
    const verdict = await engine.judge(prismOperation, {
      method: prismOperation.method as 'post',
      url: { path: request.path, query: request.query },
      headers: request.headers,
      body: request.body,
    })
    const response = respond(
      operation,
      verdict.status,
      verdict.findings,
      fnv1a(`${request.path}?${JSON.stringify(request.query)}${rawBody}`),
    )
    return options.fault === undefined ? response : options.fault({ operation, request, response })
  }

  const server = createServer((req, res) => {
    handle(req, res, answer).catch((error: unknown) => {
      send(res, json(500, errorEnvelope('internal_server_error', `mock failure: ${String(error)}`)))
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
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

function respond(
  operation: Operation,
  status: number,
  findings: { path: string[]; message: string }[],
  requestHash: number,
): MockResponse {
  if (status >= 200 && status < 300) return json(200, successBody(operation, requestHash))
  if (status === 401) return json(401, errorEnvelope('unauthorized', 'Unauthorized'))
  const message = findings.map((finding) => finding.message).join('; ') || 'Invalid input'
  return json(400, errorEnvelope('invalid_input', message, { validation_errors: validationErrors(findings) }))
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  answer: (request: MockRequest, rawBody: string) => Promise<MockResponse>,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://mock')
  const rawBody = await readBody(req)
  const request: MockRequest = {
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    query: queryRecord(url.searchParams),
    headers: Object.fromEntries(
      Object.entries(req.headers).flatMap(([name, value]) =>
        value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]],
      ),
    ),
    ...parseBody(rawBody),
  }
  send(res, await answer(request, rawBody))
}

function send(res: ServerResponse, response: MockResponse): void {
  res.writeHead(response.status, { 'seam-request-id': randomUUID(), ...response.headers })
  res.end(response.body)
}

function json(status: number, body: unknown): MockResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function parseBody(raw: string): { body?: unknown } {
  if (raw === '') return {}
  try {
    return { body: JSON.parse(raw) as unknown }
  } catch {
    return {}
  }
}

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {}
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name)
    query[name] = values.length === 1 ? (values[0] as string) : values
  }
  return query
}
