// The in-process dispatcher gives the suite the exchange a socket would: the same status, headers
// and body for the same request, the mock seeing the same request, and a timeout all the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Exchange } from '../../contracts/exchange.ts'
import type { GeneratedRequest } from '../../contracts/request.ts'
import { InProcessDispatcher } from '../../mock/dispatcher.ts'
import { createMockHandler, type MockRequest, type RunningMock, startMock } from '../../mock/server.ts'
import { createClient } from '../../suites/transport/client.ts'
import { MOCK_SECRETS } from '../../suites/support/mock-secrets.ts'

const request = (method: GeneratedRequest['method'], path: string, rest: Partial<GeneratedRequest> = {}) =>
  ({ operation: `${method.toUpperCase()} ${path}`, method, path, query: {}, ...rest }) as GeneratedRequest

const REQUESTS: GeneratedRequest[] = [
  request('post', '/user_identities/grant_access_to_device', {
    body: { user_identity_id: crypto.randomUUID(), device_id: crypto.randomUUID() },
  }),
  request('get', '/user_identities/grant_access_to_device', { query: { device_id: 'x' } }),
  request('post', '/access_grants/create', { rawBody: '{not json' }),
  request('post', '/access_grants/create', { body: {}, auth: { use: 'none' } }),
  request('delete', '/no/such/operation'),
]

/** What may differ between two answers to the same request: the request id and the date. */
const comparable = (exchange: Exchange) => {
  const { 'seam-request-id': id, date, ...headers } = exchange.response?.headers ?? {}
  expect(id).toMatch(/^[0-9a-f-]{36}$/)
  expect(date).toBeDefined()
  return { status: exchange.response?.status, headers, text: exchange.response?.text, wire: exchange.wire }
}

describe('the in-process dispatcher', () => {
  const seen: { socket: MockRequest[]; inProcess: MockRequest[] } = { socket: [], inProcess: [] }
  let server: RunningMock
  beforeAll(async () => {
    server = await startMock({ accepted: MOCK_SECRETS, onExchange: (request) => seen.socket.push(request) })
  })
  afterAll(() => server.close())

  it('answers as the mock does over a socket, and the mock sees the same request', async () => {
    const mock = await createMockHandler({
      accepted: MOCK_SECRETS,
      onExchange: (request) => seen.inProcess.push(request),
    })
    const options = { endpoint: server.url, auth: MOCK_SECRETS, timeoutMs: 5000 }
    const overSocket = createClient(options)
    const inProcess = createClient({ ...options, dispatcher: new InProcessDispatcher(mock, server.url) })
    for (const request of REQUESTS) {
      const expected = comparable(await overSocket.send(request))
      expect(comparable(await inProcess.send(request))).toEqual(expected)
    }
    expect(seen.inProcess).toEqual(seen.socket)
    await overSocket.close()
    await inProcess.close()
  })

  it('times out on a mock that never answers, as over a socket', async () => {
    const mock = await createMockHandler({ fault: () => new Promise(() => {}) })
    const client = createClient({
      endpoint: server.url,
      auth: MOCK_SECRETS,
      timeoutMs: 50,
      dispatcher: new InProcessDispatcher(mock, server.url),
    })
    const exchange = await client.send(REQUESTS[0] as GeneratedRequest)
    expect(exchange).toMatchObject({ timedOut: true, error: 'timeout: no complete response within 50 ms' })
  })
})
