// The client against misbehaving servers: one deadline per exchange, and no secret carried onwards.
import { createServer, type RequestListener } from 'node:http'
import type { AddressInfo } from 'node:net'

import { describe, expect, it } from 'vitest'

import { queryString } from '../../../contracts/query.ts'
import type { Exchange } from '../../../contracts/exchange.ts'
import { createLiveClient } from '../../../suites/live/live-client.ts'
import { type ClientOptions, createClient } from '../../../suites/transport/client.ts'

const SECRET = 'seam_secret_key_0123456789'
const REQUEST = { operation: 'GET /x', method: 'get', path: '/x', query: {} } as const

async function withServer<T>(listener: RequestListener, use: (endpoint: string) => Promise<T>): Promise<T> {
  const server = createServer(listener)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    return await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
  } finally {
    server.closeAllConnections()
    server.close()
  }
}

describe('the client', () => {
  it('gives up on a server that trickles its answer, at the deadline', async () => {
    const trickle: RequestListener = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      const timer = setInterval(() => res.write(' '), 50)
      res.on('close', () => clearInterval(timer))
    }
    const exchange = await withServer(trickle, async (endpoint) => {
      const client = createClient({ endpoint, auth: { primary: 'api_key', apiKey: SECRET }, timeoutMs: 300 })
      const result = await client.send(REQUEST)
      await client.close()
      return result
    })
    expect(exchange.error).toBe('timeout: no complete response within 300 ms')
  })

  it('scrubs the run’s secrets from what a server echoes back', async () => {
    const echo: RequestListener = (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ seen: req.headers.authorization }))
    }
    const exchange = await withServer(echo, async (endpoint) => {
      const client = createClient({ endpoint, auth: { primary: 'api_key', apiKey: SECRET }, timeoutMs: 1000 })
      const result = await client.send(REQUEST)
      await client.close()
      return result
    })
    expect(exchange.response?.json).toEqual({ seen: 'Bearer [REDACTED]' })
    expect(JSON.stringify(exchange)).not.toContain(SECRET)
  })

  it('records the seam-request-id of an exchange', async () => {
    const seam: RequestListener = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'seam-request-id': 'req_42' })
      res.end('{"ok":true}')
    }
    const exchange = await withServer(seam, async (endpoint) => {
      const client = createClient({ endpoint, auth: { primary: 'api_key', apiKey: SECRET }, timeoutMs: 1000 })
      const result = await client.send(REQUEST)
      await client.close()
      return result
    })
    expect(exchange.response?.requestId).toBe('req_42')
  })
})

/** Sends the requests through a client with these options, and closes it. */
async function sendAll(endpoint: string, options: Partial<ClientOptions>, count = 1): Promise<Exchange[]> {
  const auth = { primary: 'api_key', apiKey: SECRET } as const
  const client = createClient({ endpoint, auth, timeoutMs: 1000, ...options })
  try {
    return await Promise.all(Array.from({ length: count }, () => client.send(REQUEST)))
  } finally {
    await client.close()
  }
}

describe("the client with a live run's policy", () => {
  it('retries a 429 after its Retry-After, handing every exchange to onExchange', async () => {
    let answered = 0
    const limited: RequestListener = (_req, res) => {
      answered++
      if (answered <= 2) res.writeHead(429, { 'retry-after': answered === 1 ? '2' : 'soon' }).end()
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
    }
    const waits: number[] = []
    const seen: Exchange[] = []
    const [exchange] = await withServer(limited, (endpoint) =>
      sendAll(endpoint, {
        retry: { maxRetries: 4, maxBackoffMs: 30_000, sleep: async (ms) => void waits.push(ms) },
        onExchange: (exchange) => seen.push(exchange),
      }),
    )
    expect(exchange).toMatchObject({ retries: 2, response: { status: 200, json: { ok: true } } })
    expect(seen.map((exchange) => [exchange.response?.status, exchange.retries])).toEqual([
      [429, 0],
      [429, 1],
      [200, 2],
    ])
    // Retry-After 2 s, then no usable Retry-After: 1 s doubled.
    expect(waits).toEqual([2000, 2000])
  })

  it('records no exchange that ends once it is closed: a cancelled run\'s requests are not "no answer"', async () => {
    const seen: Exchange[] = []
    const hung: RequestListener = () => {}
    const [inFlight, afterwards] = await withServer(hung, async (endpoint) => {
      const client = createClient({
        endpoint,
        auth: { primary: 'api_key', apiKey: SECRET },
        timeoutMs: 5000,
        onExchange: (exchange) => seen.push(exchange),
      })
      const pending = client.send(REQUEST)
      await new Promise((resolve) => setTimeout(resolve, 100))
      await client.close()
      return [await pending, await client.send(REQUEST)]
    })
    expect(inFlight.error).toMatch(/destroyed/)
    expect(afterwards.error).toMatch(/destroyed/)
    expect(seen).toEqual([])
  })

  it('answers with the 429 when it has no retry policy or its retries are spent', async () => {
    const limited: RequestListener = (_req, res) => res.writeHead(429).end()
    await withServer(limited, async (endpoint) => {
      const [plain] = await sendAll(endpoint, {})
      expect(plain?.response?.status).toBe(429)
      expect(plain).not.toHaveProperty('retries')
      const [spent] = await sendAll(endpoint, { retry: { maxRetries: 1, maxBackoffMs: 0 } })
      expect(spent).toMatchObject({ retries: 1, response: { status: 429 } })
    })
  })

  it('sends nothing once past its deadline', async () => {
    let requests = 0
    const counting: RequestListener = (_req, res) => {
      requests++
      res.end()
    }
    const [exchange] = await withServer(counting, (endpoint) =>
      sendAll(endpoint, { deadline: Date.now() - 1 }),
    )
    expect(exchange?.error).toBe('run time bound reached')
    expect(requests).toBe(0)
  })

  it('keeps at most `concurrency` exchanges in flight', async () => {
    let inFlight = 0
    let most = 0
    const slow: RequestListener = (_req, res) => {
      most = Math.max(most, ++inFlight)
      setTimeout(() => {
        inFlight--
        res.end('{}')
      }, 20)
    }
    const exchanges = await withServer(slow, (endpoint) => sendAll(endpoint, { concurrency: 2 }, 6))
    expect(exchanges.map((exchange) => exchange.response?.status)).toEqual([200, 200, 200, 200, 200, 200])
    expect(most).toBe(2)
  })

  it('words a transport failure one way, for the live client too', async () => {
    const closed = await withServer(
      () => undefined,
      async (endpoint) => endpoint,
    )
    const [refused] = await sendAll(closed, {})
    expect(refused?.error).toBe('connection refused')
    expect(refused?.failedAfterMs).toBeGreaterThanOrEqual(0)
    const silent: RequestListener = () => undefined
    const answer = await withServer(silent, async (endpoint) => {
      const live = createLiveClient({
        endpoint,
        auth: { primary: 'api_key', apiKey: SECRET },
        timeoutMs: 200,
        concurrency: 1,
        deadline: Date.now() + 60_000,
      })
      const answer = await live.call('/devices/list')
      await live.close()
      return answer
    })
    expect(answer).toMatchObject({ error: 'timeout: no complete response within 200 ms', retries: 0 })
    expect(answer.durationMs).toBeGreaterThanOrEqual(150)
  })
})

describe('queryString', () => {
  it('repeats the key for a list and encodes values', () => {
    expect(queryString({ ids: ['a', 'b'], q: 'x y', n: 2 })).toBe('?ids=a&ids=b&q=x+y&n=2')
    expect(queryString({})).toBe('')
  })
})
