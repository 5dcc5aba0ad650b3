// The live gate's wire: a loopback server the SDK under test sends to, which forwards each request
// to the workspace through the suite's one HTTP client with a live run's policy (a bound on the
// whole run, 429 honoured with a capped backoff, every exchange logged without bodies or secrets),
// writes to the ledger whatever the answer says the run created, and hands the SDK the answer as
// it came. The gate's recorder sees every request and answer, as the mock's recorder does, so
// `sdk_request` compares what reached the workspace with what the SDK was given.
import { once } from 'node:events'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { AuthVariant } from '../../contracts/auth.ts'
import type { AuthSecrets } from '../../contracts/credentials.ts'
import type { Exchange } from '../../contracts/exchange.ts'
import { readJson } from '../../contracts/json.ts'
import type { HttpMethod, Operation } from '../../contracts/operations.ts'
import { queryRecord } from '../../contracts/query.ts'
import type { GeneratedRequest } from '../../contracts/request.ts'
import { judgeAnswer } from '../../contracts/seam-errors.ts'
import type { MockRequest, MockResponse } from '../../mock/types.ts'
import type { Client } from '../transport/client.ts'
import type { WireRecorder } from './call.ts'
import type { WireFailure } from './checks/types.ts'

export type LiveWireOptions = {
  /** The live run's client: its endpoint, credentials and policy. */
  client: Client
  secrets: AuthSecrets
  /** The spec's operations, to name what each request is for. */
  operations: Operation[]
  recorder: WireRecorder
  /** What the request in progress is for, as the exchange log counts it. */
  purpose: () => 'valid' | 'invalid' | 'credentials'
  /** Sees every forwarded exchange: the ledger reads what it created. */
  onForwarded?: (operation: Operation | undefined, exchange: Exchange) => void
}

export type LiveWire = { url: string; close(): Promise<void> }

export async function startLiveWire(options: LiveWireOptions): Promise<LiveWire> {
  const byId = new Map(options.operations.map((operation) => [operation.id, operation]))
  const server = createServer((incoming, outgoing) => {
    forward(incoming).then(
      ({ status, headers, body }) => outgoing.writeHead(status, headers).end(body),
      (error: unknown) => {
        outgoing.writeHead(500, { 'content-type': 'text/plain' }).end(`live wire failure: ${String(error)}`)
      },
    )
  })

  const forward = async (incoming: IncomingMessage): Promise<MockResponse> => {
    const url = new URL(incoming.url ?? '/', 'http://live-wire')
    const rawBody = await readBody(incoming)
    const headers = Object.fromEntries(
      Object.entries(incoming.headers).flatMap(([name, value]) =>
        value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]],
      ),
    )
    const parsed = readJson(rawBody)
    const request: MockRequest = {
      method: (incoming.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: queryRecord(url.searchParams),
      headers,
      ...('json' in parsed ? { body: parsed.json } : {}),
    }
    const id = `${request.method} ${request.path}`
    const purpose = options.purpose()
    const auth = authOf(headers, options.secrets)
    const generated: GeneratedRequest = {
      operation: id,
      method: request.method.toLowerCase() as HttpMethod,
      path: request.path,
      query: request.query,
      // Sent as the SDK wrote it; parsed too, for the ledger's reading of what was asked for.
      ...(rawBody === '' ? {} : { rawBody, body: request.body }),
      ...(headers['content-type'] === undefined ? {} : { contentType: headers['content-type'] }),
      ...(auth === undefined ? {} : { auth }),
      ...(purpose === 'invalid'
        ? { invalid: { breaks: 'schema' as const, label: 'SDK gate: invalid input' } }
        : {}),
    }
    const exchange = await options.client.send(generated)
    options.onForwarded?.(byId.get(id), exchange)
    const failure = failureOf(exchange)
    const response: MockResponse =
      exchange.response === undefined
        ? {
            status: 502,
            headers: { 'content-type': 'application/json; charset=utf-8' },
            body: JSON.stringify({
              error: { type: 'sdk_gate_no_answer', message: failure?.reason ?? 'no answer' },
              ok: false,
            }),
          }
        : {
            status: exchange.response.status,
            headers: passedOn(exchange.response.headers),
            body: exchange.response.text,
          }
    options.recorder.onExchange(request, response, failure)
    return response
  }

  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections()
      server.close()
      await once(server, 'close')
    },
  }
}

/**
 * The run's credential the SDK sent, as the client names it: the primary one needs no name; any
 * other value (the made-up key of the case that expects a 401) is sent as it is.
 */
function authOf(headers: Record<string, string>, secrets: AuthSecrets): AuthVariant | undefined {
  const authorization = headers.authorization
  if (authorization === undefined) return { use: 'none' }
  const token = authorization.replace(/^Bearer /, '')
  const workspace = headers['seam-workspace'] !== undefined
  const variant: AuthVariant | undefined =
    token === secrets.apiKey
      ? { use: 'api_key' }
      : token === secrets.personalAccessToken
        ? { use: 'personal_access_token', workspace }
        : token === secrets.clientSessionToken
          ? { use: 'client_session_token' }
          : token === secrets.consoleSessionToken
            ? { use: 'console_session', workspace }
            : undefined
  if (variant === undefined) return { use: 'header', authorization }
  const primary = variant.use === secrets.primary && (variant.use === 'api_key' || workspace)
  return primary ? undefined : variant
}

/** An answer that says nothing about the SDK: no answer, a route the target lacks, its own failure. */
export function failureOf(exchange: Exchange): WireFailure | undefined {
  const answer = {
    ...(exchange.response === undefined
      ? {}
      : { status: exchange.response.status, json: exchange.response.json }),
    ...(exchange.error === undefined ? {} : { error: exchange.error }),
  }
  const verdict = judgeAnswer(answer, { namesOnlyExistingResources: false })
  if (verdict.kind === 'operation_missing')
    return { kind: 'operation_missing', category: 'operation_missing', reason: verdict.reason }
  if (verdict.kind === 'target_failure') {
    const status = exchange.response?.status
    return {
      kind: 'target_failure',
      category: status !== undefined && status >= 500 ? 'server_error' : 'transport',
      reason: verdict.reason,
    }
  }
  return undefined
}

/** What the SDK may read of the answer's headers; the connection's own are the loopback's business. */
function passedOn(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    ['content-type', 'seam-request-id', 'retry-after'].flatMap((name) =>
      headers[name] === undefined ? [] : [[name, headers[name] as string]],
    ),
  )
}

function readBody(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    incoming.on('error', reject)
  })
}
