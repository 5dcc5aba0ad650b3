// An undici Dispatcher that hands each request to a mock in the same process: no socket, no HTTP
// parsing or serialising on either side. For the embedded mock only; every other target gets real
// HTTP. The mock sees the headers undici would have sent and the answer carries the ones Node's
// server would have added, so an exchange reads the same either way (its date and request id
// differ from run to run anyway).
import { STATUS_CODES } from 'node:http'

import { Dispatcher } from 'undici'

import { flatHeaders, type GivenHeaders } from '../contracts/headers.ts'
import { type MockHandler, mockRequest } from './server.ts'
import type { MockResponse } from './types.ts'

export class InProcessDispatcher extends Dispatcher {
  readonly #mock: MockHandler
  readonly #host: string

  /** `origin`: the embedded mock's own URL, whose host the requests name. */
  constructor(mock: MockHandler, origin: string) {
    super()
    this.#mock = mock
    this.#host = new URL(origin).host
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    let reason: Error | null = null
    const controller: Dispatcher.DispatchController = {
      get aborted() {
        return reason !== null
      },
      get paused() {
        return false
      },
      get reason() {
        return reason
      },
      // A timeout aborts: the exchange fails as it would over a socket; the mock's answer is dropped.
      abort(error) {
        if (reason !== null) return
        reason = error
        handler.onResponseError?.(controller, error)
      },
      // The whole body is handed over at once: there is no flow to pause.
      pause() {},
      resume() {},
    }
    handler.onRequestStart?.(controller, {})
    if (reason !== null) return true
    this.#answer(options).then(
      // Delivered from the event loop, not the promise chain: answered in microtasks alone, a
      // prefetch never let the loop turn, and undici's body clean-ups (setImmediate) piled up by
      // the tens of thousands, each holding its response text.
      (response) =>
        setImmediate(() => {
          if (reason !== null) return
          handler.onResponseStart?.(
            controller,
            response.status,
            response.headers,
            STATUS_CODES[response.status],
          )
          handler.onResponseData?.(controller, Buffer.from(response.body))
          handler.onResponseEnd?.(controller, {})
        }),
      (error: unknown) => controller.abort(error instanceof Error ? error : new Error(String(error))),
    )
    return true
  }

  override close(callback?: () => void): Promise<void> {
    callback?.()
    return Promise.resolve()
  }

  override destroy(): Promise<void> {
    return Promise.resolve()
  }

  async #answer(options: Dispatcher.DispatchOptions): Promise<MockResponse> {
    const rawBody = bodyText(options.body)
    const method = options.method.toUpperCase()
    const length = Buffer.byteLength(rawBody)
    // What undici writes on the wire: the host, keep-alive, the caller's headers, the length.
    const headers: Record<string, string> = {
      host: this.#host,
      connection: 'keep-alive',
      ...lowerCased(options.headers),
      ...(length > 0 || EXPECTS_PAYLOAD.has(method) ? { 'content-length': String(length) } : {}),
    }
    const response = await this.#mock.answer(mockRequest(method, options.path, headers, rawBody), rawBody)
    return { ...response, headers: answeredHeaders(response) }
  }
}

const EXPECTS_PAYLOAD = new Set(['POST', 'PUT', 'PATCH', 'QUERY'])
const BODILESS = new Set([204, 304])

/** The headers Node's server sends with the mock's own (`send` in server.ts writes the head, then the body). */
function answeredHeaders(response: MockResponse): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(response.headers)) headers[name.toLowerCase()] = value
  return {
    'seam-request-id': crypto.randomUUID(),
    ...headers,
    date: httpDate(),
    connection: 'keep-alive',
    'keep-alive': 'timeout=30',
    ...(BODILESS.has(response.status) ? {} : { 'transfer-encoding': 'chunked' }),
  }
}

// The date to the second, made once a second, as Node's server keeps it.
let dated = { second: -1, text: '' }
function httpDate(): string {
  const second = Math.floor(Date.now() / 1000)
  if (second !== dated.second) dated = { second, text: new Date(second * 1000).toUTCString() }
  return dated.text
}

function bodyText(body: Dispatcher.DispatchOptions['body']): string {
  if (body === undefined || body === null) return ''
  if (typeof body === 'string') return body
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8')
  throw new Error('the in-process dispatcher takes a string or bytes as the body')
}

function lowerCased(headers: Dispatcher.DispatchOptions['headers']): Record<string, string> {
  if (headers === undefined || headers === null) return {}
  if (Array.isArray(headers) || !(typeof headers === 'object'))
    throw new Error('the in-process dispatcher takes headers as an object')
  return flatHeaders(headers as GivenHeaders)
}
