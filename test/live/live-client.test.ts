import { afterEach, describe, expect, it } from 'vitest'

import { createLiveClient, type LiveExchange } from '../../suites/live/live-client.ts'
import { backoffMs, parseRetryAfter } from '../../suites/transport/client.ts'
import { type LiveWorkspace, startLiveWorkspace } from '../fixtures/live-workspace.ts'

let workspace: LiveWorkspace | undefined
afterEach(async () => {
  await workspace?.close()
  workspace = undefined
})

function client(url: string, apiKey: string, extra: { deadline?: number; maxRetries?: number } = {}) {
  const exchanges: LiveExchange[] = []
  const waits: number[] = []
  const live = createLiveClient({
    endpoint: url,
    auth: { primary: 'api_key', apiKey },
    timeoutMs: 5000,
    concurrency: 1,
    deadline: extra.deadline ?? Date.now() + 60_000,
    ...(extra.maxRetries === undefined ? {} : { maxRetries: extra.maxRetries }),
    onExchange: (exchange) => exchanges.push(exchange),
    sleep: async (ms) => {
      waits.push(ms)
    },
  })
  return { live, exchanges, waits }
}

describe('live client', () => {
  it('retries a 429 after its Retry-After and records the seam-request-id of every exchange', async () => {
    workspace = await startLiveWorkspace('rate_limited_once')
    const { live, exchanges, waits } = client(workspace.url, workspace.apiKey)
    const answer = await live.call('/devices/list')
    await live.close()
    expect(answer).toMatchObject({ status: 200, retries: 1, requestId: 'req_2' })
    expect(exchanges.map((exchange) => [exchange.status, exchange.requestId])).toEqual([
      [429, 'req_1'],
      [200, 'req_2'],
    ])
    expect(waits).toEqual([0])
  })

  it('gives up after its retries and reports the 429', async () => {
    workspace = await startLiveWorkspace('rate_limited_once')
    const { live } = client(workspace.url, workspace.apiKey, { maxRetries: 0 })
    const answer = await live.call('/devices/list')
    await live.close()
    expect(answer).toMatchObject({ status: 429, retries: 0 })
  })

  it('sends nothing once the run is past its time bound', async () => {
    workspace = await startLiveWorkspace()
    const { live, exchanges } = client(workspace.url, workspace.apiKey, { deadline: Date.now() - 1 })
    const answer = await live.call('/devices/list')
    await live.close()
    expect(answer.error).toBe('run time bound reached')
    expect(exchanges[0]?.status).toBeUndefined()
  })

  it('never lets the credential into what it records', async () => {
    workspace = await startLiveWorkspace()
    const { live } = client(workspace.url, 'seam_wrong_key')
    const answer = await live.call('/devices/list', { echo: 'seam_wrong_key' })
    await live.close()
    expect(answer.status).toBe(401)
    expect(JSON.stringify({ ...answer, body: undefined })).not.toContain('seam_wrong_key')
  })

  it('waits as Retry-After says, doubling without it, never past the cap', () => {
    expect(parseRetryAfter('3')).toBe(3000)
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000)
    expect(parseRetryAfter('soon')).toBeUndefined()
    expect([0, 1, 2].map((retries) => backoffMs(retries, undefined, 3000))).toEqual([1000, 2000, 3000])
    expect(backoffMs(0, 120_000, 30_000)).toBe(30_000)
  })
})
