// The live target's client: JSON over POST (Seam takes POST for every operation), a few requests
// at once, 429 honoured with Retry-After and a capped backoff, a bound on the whole run, and every
// exchange recorded with its `seam-request-id` — never with a secret.
import { appendFileSync } from 'node:fs'

import { Pool } from 'undici'

import { type AuthSecrets, resolveAuth, scrubSecrets, secretValues } from '../../contracts/credentials.ts'
import { readJson } from '../../contracts/json.ts'

export type LiveExchange = {
  method: 'POST'
  path: string
  body: unknown
  status?: number
  json?: unknown
  text?: string
  requestId?: string
  /** A transport failure, a timeout, or the run's time bound: no answer to judge. */
  error?: string
  retries: number
  durationMs: number
}

/** One try: what came back, and how long a 429 asked us to wait. */
type Attempt = Omit<LiveExchange, 'retries'> & { retryAfterMs?: number }

export type LiveClientOptions = {
  endpoint: string
  auth: AuthSecrets
  timeoutMs: number
  concurrency: number
  /** The run stops sending after this moment (epoch ms). */
  deadline: number
  /** Waits longer than this between retries are cut to it. */
  maxBackoffMs?: number
  maxRetries?: number
  onExchange?: (exchange: LiveExchange) => void
  sleep?: (ms: number) => Promise<void>
}

export type LiveClient = {
  call(path: string, body?: unknown): Promise<LiveExchange>
  close(): Promise<void>
}

export function createLiveClient(options: LiveClientOptions): LiveClient {
  const base = new URL(options.endpoint)
  const basePath = base.pathname.replace(/\/$/, '')
  const pool = new Pool(base.origin, { connections: options.concurrency, keepAliveTimeout: 10_000 })
  const secrets = secretValues(options.auth)
  const auth = resolveAuth(undefined, options.auth)?.headers ?? {}
  const limit = semaphore(options.concurrency)
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)))
  const maxRetries = options.maxRetries ?? 4
  const maxBackoffMs = options.maxBackoffMs ?? 30_000

  async function once(path: string, body: unknown): Promise<Attempt> {
    const started = performance.now()
    const base = { method: 'POST' as const, path, body }
    if (Date.now() >= options.deadline) return { ...base, error: 'run time bound reached', durationMs: 0 }
    const signal = AbortSignal.timeout(options.timeoutMs)
    try {
      const response = await pool.request({
        method: 'POST',
        path: `${basePath}${path}`,
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
        signal,
      })
      const text = scrubSecrets(await response.body.text(), secrets)
      const requestId = response.headers['seam-request-id']
      return {
        ...base,
        status: response.statusCode,
        text,
        ...readJson(text),
        ...(typeof requestId === 'string' ? { requestId } : {}),
        ...retryAfter(response.statusCode, response.headers['retry-after']),
        durationMs: performance.now() - started,
      }
    } catch (error) {
      const reason = signal.aborted ? `timeout after ${options.timeoutMs} ms` : transportError(error)
      return { ...base, error: reason, durationMs: performance.now() - started }
    }
  }

  return {
    async call(path, body = {}) {
      return limit(async () => {
        for (let retries = 0; ; retries++) {
          const { retryAfterMs, ...exchange } = await once(path, body)
          const done = exchange.status !== 429 || retries >= maxRetries
          const result = { ...exchange, retries }
          options.onExchange?.(result)
          if (done) return result
          await sleep(backoffMs(retries, retryAfterMs, maxBackoffMs))
        }
      })
    },
    close: () => pool.destroy(),
  }
}

/** One line per exchange for the run's record: what, how it went, its seam-request-id; no bodies. */
export function appendExchange(path: string, exchange: LiveExchange): void {
  const { path: operation, status, requestId, error, retries, durationMs } = exchange
  appendFileSync(
    path,
    `${JSON.stringify({ path: operation, status, requestId, error, retries, durationMs })}\n`,
  )
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

function retryAfter(status: number, header: string | string[] | undefined): { retryAfterMs?: number } {
  if (status !== 429 || typeof header !== 'string') return {}
  const ms = parseRetryAfter(header)
  return ms === undefined ? {} : { retryAfterMs: ms }
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

function transportError(error: unknown): string {
  const code = (error as { code?: string }).code
  return code === 'ECONNREFUSED' ? 'connection refused' : `transport error: ${code ?? String(error)}`
}
