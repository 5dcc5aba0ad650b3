// One request and what came back, as the checks see it.
import type { GeneratedRequest } from './request.ts'

/** The request as sent. Headers here are already redacted: nothing secret is kept. */
export type WireRequest = {
  method: string
  url: string
  headers: Record<string, string>
  body?: string
  /** The environment variable holding the credential behind a redacted header. */
  secretVariable?: string
}

export type WireResponse = {
  status: number
  headers: Record<string, string>
  /** The raw body text. */
  text: string
  /** The parsed body, when the text is JSON. */
  json?: unknown
  /** Seam's `seam-request-id` header, the handle support needs to find this exchange. */
  requestId?: string
  durationMs: number
}

export type Exchange = {
  request: GeneratedRequest
  wire: WireRequest
  response?: WireResponse
  /** A transport failure (timeout, refused connection): no response at all. */
  error?: string
  /** Beside `error`: the failure was the deadline passing, so the target may have stopped answering. */
  timedOut?: true
  /** How long the failed try took, beside a transport `error` (an answer has `response.durationMs`). */
  failedAfterMs?: number
  /** 429s retried before this exchange; set by a client with a retry policy. */
  retries?: number
}

export type RespondedExchange = Exchange & { response: WireResponse }
