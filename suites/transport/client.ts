// The HTTP client: an undici keep-alive pool, one deadline per exchange, and no exceptions — a
// transport failure becomes an exchange with an `error`, so a run reports it and moves on. Nothing
// a server says may carry a secret onwards. A run against someone's workspace adds its policy: a
// cap on exchanges in flight, 429 retried after its Retry-After with a capped backoff, a moment
// after which nothing more is sent, and every exchange handed to a recorder.
import { type Dispatcher, Pool } from 'undici'

import { queryString } from '../../contracts/query.ts'
import type { GeneratedRequest } from '../../contracts/request.ts'
import { type AuthSecrets, resolveAuth, scrubSecrets, secretValues } from '../../contracts/credentials.ts'
import type { Exchange, WireRequest } from '../../contracts/exchange.ts'
import { flatHeaders } from '../../contracts/headers.ts'
import { readJson } from '../../contracts/json.ts'
import { recentCache } from '../../contracts/memo.ts'

/**
 * Answer texts whose JSON is kept: the embedded mock answers an operation from a pool of eight
 * bodies, so a run reads the same text hundreds of times, a few operations at a time.
 */
const KEPT_TEXTS = 64

export type RetryPolicy = {
  /** 429s retried before a 429 is the answer. */
  maxRetries: number
  /** Waits longer than this between retries are cut to it. */
  maxBackoffMs: number
  sleep?: (ms: number) => Promise<void>
}

export type ClientOptions = {
  endpoint: string
  auth: AuthSecrets
  /** One deadline per exchange, whole answer included. */
  timeoutMs: number
  /** Keep-alive connections to the target; default `concurrency`, else 8. */
  connections?: number
  /** At most this many exchanges at once, retries and their waits included; the others wait their turn. */
  concurrency?: number
  /** Nothing is sent after this moment (epoch ms): such an exchange's error is `run time bound reached`. */
  deadline?: number
  /** Retry a 429; without a policy a 429 is the answer, and exchanges carry no `retries`. */
  retry?: RetryPolicy
  /** Every exchange as it completes, each retried 429 included. */
  onExchange?: (exchange: Exchange) => void
  /** Where requests go instead of a keep-alive pool to the endpoint: the embedded mock's in-process dispatcher. */
  dispatcher?: Dispatcher
}

export type Client = {
  send(request: GeneratedRequest): Promise<Exchange>
  close(): Promise<void>
}

export function createClient(options: ClientOptions): Client {
  const base = new URL(options.endpoint)
  const basePath = base.pathname.replace(/\/$/, '')
  const pool =
    options.dispatcher ??
    new Pool(base.origin, {
      connections: options.connections ?? options.concurrency ?? 8,
      keepAliveTimeout: 10_000,
    })
  const secrets = secretValues(options.auth)
  // Exchanges with equal texts share one parse: nothing changes a response's JSON once read.
  const parsed = recentCache<{ json?: unknown }>(KEPT_TEXTS)
  const scrub = (text: string) => scrubSecrets(text, secrets)
  const limit = options.concurrency === undefined ? run : semaphore(options.concurrency)
  const { retry } = options
  const sleep = retry?.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)))
  let closed = false

  async function once(request: GeneratedRequest): Promise<Exchange> {
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
    if (options.deadline !== undefined && Date.now() >= options.deadline)
      return { request, wire, error: 'run time bound reached' }
    const headers = { ...auth.headers, ...content }
    const started = performance.now()
    // One deadline for the whole exchange: undici's own timeouts restart with every chunk, so a
    // server trickling bytes would otherwise never time out. A timer cleared once the exchange is
    // done, not AbortSignal.timeout: the signal's listeners hold the request and its body until it
    // fires, which at a thousand requests a second kept ten seconds' worth of bodies alive.
    const deadline = new AbortController()
    const { signal } = deadline
    const timer = setTimeout(
      () => deadline.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
      options.timeoutMs,
    )
    try {
      const response = await pool.request({
        method: wire.method as 'GET',
        path,
        headers,
        signal,
        ...(body === undefined ? {} : { body }),
      })
      // A server may echo what it was sent: nothing it says may carry a secret onwards.
      const text = scrub(await response.body.text())
      const answered = flatHeaders(response.headers, scrub)
      const requestId = answered['seam-request-id']
      return {
        request,
        wire,
        response: {
          status: response.statusCode,
          headers: answered,
          text,
          ...parsed(text, () => readJson(text)),
          ...(requestId === undefined ? {} : { requestId }),
          durationMs: performance.now() - started,
        },
      }
    } catch (error) {
      const failedAfterMs = performance.now() - started
      if (signal.aborted) {
        const reason = `timeout: no complete response within ${options.timeoutMs} ms`
        return { request, wire, error: reason, timedOut: true, failedAfterMs }
      }
      return { request, wire, error: describeTransportError(error), failedAfterMs }
    } finally {
      clearTimeout(timer)
    }
  }

  return {
    send: (request) =>
      limit(async () => {
        for (let retries = 0; ; retries++) {
          const tried = await once(request)
          const exchange = retry === undefined ? tried : { ...tried, retries }
          // What ends after the client is closed (a run cancelled, prefetches it no longer needs) is
          // undici's "client is destroyed", not the target's doing: it stays out of the record.
          if (!closed) options.onExchange?.(exchange)
          const status = exchange.response?.status
          if (retry === undefined || status !== 429 || retries >= retry.maxRetries) return exchange
          const retryAfter = exchange.response?.headers['retry-after']
          const asked = retryAfter === undefined ? undefined : parseRetryAfter(retryAfter)
          await sleep(backoffMs(retries, asked, retry.maxBackoffMs))
        }
      }),
    // Destroy, not close: a request a hung server never finishes must not hold the run open.
    close: () => {
      closed = true
      return pool.destroy()
    },
  }
}

/** Retry-After when the server gives one, else 1 s doubling; never more than the cap. */
export function backoffMs(retries: number, retryAfterMs: number | undefined, capMs: number): number {
  return Math.min(retryAfterMs ?? 1000 * 2 ** retries, capMs)
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string, now = Date.now()): number | undefined {
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

function describeTransportError(error: unknown): string {
  const code = (error as { code?: string }).code
  if (code === 'ECONNREFUSED') return 'connection refused'
  return `transport error: ${error instanceof Error ? error.message : String(error)}${code === undefined ? '' : ` (${code})`}`
}

function run<T>(task: () => Promise<T>): Promise<T> {
  return task()
}

function semaphore(size: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0
  const waiting: Array<() => void> = []
  return async (task) => {
    if (running >= size) await new Promise<void>((start) => waiting.push(start))
    running++
    try {
      return await task()
    } finally {
      running--
      waiting.shift()?.()
    }
  }
}
