// The HTTP client: an undici keep-alive pool, a timeout on every request, and no exceptions —
// a transport failure becomes an exchange with an `error`, so a run reports it and moves on.
import { Pool } from 'undici'

import { queryString } from '../../contracts/query.ts'
import type { GeneratedRequest } from '../../contracts/request.ts'
import { type AuthSecrets, resolveAuth, scrubSecrets, secretValues } from '../../contracts/credentials.ts'
import type { Exchange, WireRequest } from '../../contracts/exchange.ts'
import { readJson } from '../../contracts/json.ts'

export type ClientOptions = {
  endpoint: string
  auth: AuthSecrets
  timeoutMs: number
  connections?: number
}

export type Client = {
  send(request: GeneratedRequest): Promise<Exchange>
  close(): Promise<void>
}

export function createClient(options: ClientOptions): Client {
  const base = new URL(options.endpoint)
  const basePath = base.pathname.replace(/\/$/, '')
  const pool = new Pool(base.origin, { connections: options.connections ?? 8, keepAliveTimeout: 10_000 })
  const secrets = secretValues(options.auth)

  return {
    async send(request) {
      const path = `${basePath}${request.path}${queryString(request.query)}`
      const body = request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body))
      const contentType = request.contentType ?? 'application/json'
      const content = body === undefined ? {} : { 'content-type': contentType }
      const auth = resolveAuth(request.auth, options.auth)
      const wire: WireRequest = {
        method: request.method.toUpperCase(),
        url: `${base.origin}${path}`,
        headers: { ...auth?.printable, ...content },
        ...(body === undefined ? {} : { body }),
        ...(auth?.secretVariable === undefined ? {} : { secretVariable: auth.secretVariable }),
      }
      if (auth === undefined) return { request, wire, error: 'the run has no credential of this kind' }
      const headers = { ...auth.headers, ...content }
      const started = performance.now()
      // One deadline for the whole exchange: undici's own timeouts restart with every chunk, so a
      // server trickling bytes would otherwise never time out.
      const signal = AbortSignal.timeout(options.timeoutMs)
      try {
        const response = await pool.request({
          method: wire.method as 'GET',
          path,
          headers,
          signal,
          ...(body === undefined ? {} : { body }),
        })
        // A server may echo what it was sent: nothing it says may carry a secret onwards.
        const text = scrubSecrets(await response.body.text(), secrets)
        const answered = scrubbedHeaders(flatHeaders(response.headers), secrets)
        const requestId = answered['seam-request-id']
        return {
          request,
          wire,
          response: {
            status: response.statusCode,
            headers: answered,
            text,
            ...readJson(text),
            ...(requestId === undefined ? {} : { requestId }),
            durationMs: performance.now() - started,
          },
        }
      } catch (error) {
        const reason = signal.aborted
          ? `timeout: no complete response within ${options.timeoutMs} ms`
          : undefined
        return { request, wire, error: reason ?? describeTransportError(error) }
      }
    },
    // Destroy, not close: a request a hung server never finishes must not hold the run open.
    close: () => pool.destroy(),
  }
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]) =>
      value === undefined ? [] : [[name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value]],
    ),
  )
}

function describeTransportError(error: unknown): string {
  const code = (error as { code?: string }).code
  if (code === 'ECONNREFUSED') return 'connection refused'
  return `transport error: ${error instanceof Error ? error.message : String(error)}${code === undefined ? '' : ` (${code})`}`
}

function scrubbedHeaders(headers: Record<string, string>, secrets: string[]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, scrubSecrets(value, secrets)]),
  )
}
