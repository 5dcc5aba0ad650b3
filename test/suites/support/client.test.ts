// The client against misbehaving servers: one deadline per exchange, and no secret carried onwards.
import { createServer, type RequestListener } from 'node:http'
import type { AddressInfo } from 'node:net'

import { describe, expect, it } from 'vitest'

import { queryString } from '../../../contracts/query.ts'
import { createClient } from '../../../suites/transport/client.ts'

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

describe('queryString', () => {
  it('repeats the key for a list and encodes values', () => {
    expect(queryString({ ids: ['a', 'b'], q: 'x y', n: 2 })).toBe('?ids=a&ids=b&q=x+y&n=2')
    expect(queryString({})).toBe('')
  })
})
