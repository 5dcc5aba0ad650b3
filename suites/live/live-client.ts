// The live target's client: the suite's one HTTP client (suites/transport/client.ts) with a live
// run's policy — JSON over POST (Seam takes POST for every operation), a few requests at once, 429
// honoured with Retry-After and a capped backoff, a bound on the whole run, and every exchange
// recorded with its `seam-request-id` — never with a secret.
import { appendFileSync } from 'node:fs'

import type { AuthSecrets } from '../../contracts/credentials.ts'
import type { Exchange } from '../../contracts/exchange.ts'
import type { GeneratedRequest } from '../../contracts/request.ts'
import { createClient } from '../transport/client.ts'

export type LiveExchange = {
  method: string
  path: string
  /** What the request was for: a valid case, an invalid one, another credential (the auth suite). */
  purpose: 'valid' | 'invalid' | 'credentials'
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
  const { onExchange, sleep } = options
  const client = createClient({
    endpoint: options.endpoint,
    auth: options.auth,
    timeoutMs: options.timeoutMs,
    concurrency: options.concurrency,
    deadline: options.deadline,
    retry: {
      maxRetries: options.maxRetries ?? 4,
      maxBackoffMs: options.maxBackoffMs ?? 30_000,
      ...(sleep === undefined ? {} : { sleep }),
    },
    ...(onExchange === undefined ? {} : { onExchange: (exchange) => onExchange(liveExchange(exchange)) }),
  })
  return {
    call: async (path, body = {}) => liveExchange(await client.send(post(path, body))),
    close: () => client.close(),
  }
}

/**
 * The client the suites (and the SDK gate's wire) send generated requests through: the live policy,
 * every exchange written to the run's log as it completes.
 */
export function createLiveSender(
  options: Omit<LiveClientOptions, 'onExchange' | 'sleep'> & { exchangesPath: string },
) {
  const { exchangesPath, ...policy } = options
  return createClient({
    endpoint: policy.endpoint,
    auth: policy.auth,
    timeoutMs: policy.timeoutMs,
    concurrency: policy.concurrency,
    deadline: policy.deadline,
    retry: { maxRetries: policy.maxRetries ?? 4, maxBackoffMs: policy.maxBackoffMs ?? 30_000 },
    onExchange: (exchange) => appendExchange(exchangesPath, liveExchange(exchange)),
  })
}

/** One line per exchange for the run's record: what, how it went, its seam-request-id; no bodies. */
export function appendExchange(path: string, exchange: LiveExchange): void {
  const { method, path: operation, purpose, status, requestId, error, retries, durationMs } = exchange
  appendFileSync(
    path,
    `${JSON.stringify({ method, path: operation, purpose, status, requestId, error, retries, durationMs })}\n`,
  )
}

function post(path: string, body: unknown): GeneratedRequest {
  return { operation: `POST ${path}`, method: 'post', path, query: {}, body: body ?? {} }
}

export function liveExchange({ request, response, error, failedAfterMs, retries }: Exchange): LiveExchange {
  const answer =
    response === undefined
      ? {}
      : {
          status: response.status,
          text: response.text,
          ...('json' in response ? { json: response.json } : {}),
          ...(response.requestId === undefined ? {} : { requestId: response.requestId }),
        }
  return {
    method: request.method.toUpperCase(),
    path: request.path,
    purpose: request.invalid !== undefined ? 'invalid' : request.auth !== undefined ? 'credentials' : 'valid',
    body: request.body,
    ...answer,
    ...(error === undefined ? {} : { error }),
    retries: retries ?? 0,
    durationMs: response?.durationMs ?? failedAfterMs ?? 0,
  }
}
