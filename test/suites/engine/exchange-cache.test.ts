import { describe, expect, it } from 'vitest'

import type { GeneratedRequest } from '../../../contracts/request.ts'
import { positivePlan } from '../../../suites/scenarios/positive.ts'
import { createExchangeCache } from '../../../suites/engine/exchange-cache.ts'
import type { Exchange } from '../../../contracts/exchange.ts'
import { runCheck, scenarioRequests, scenarioSeed } from '../../../suites/engine/property.ts'
import { httpTarget } from '../../../suites/engine/target.ts'
import { MOCK_SECRETS } from '../../helpers/conformance.ts'
import { operation, validators } from '../../helpers/model.ts'

const grant = operation('POST /user_identities/grant_access_to_device')
const answerOk = (request: GeneratedRequest): Exchange => ({
  request,
  wire: { method: 'POST', url: 'http://h', headers: {} },
  response: {
    status: 200,
    headers: { 'content-type': 'application/json' },
    text: '{"ok":true}',
    json: { ok: true },
    durationMs: 0,
  },
})

describe('createExchangeCache', () => {
  it('sends each distinct request once', async () => {
    let sent = 0
    const cache = createExchangeCache(async (request) => {
      sent++
      return answerOk(request)
    })
    const request = { operation: grant.id, method: grant.method, path: grant.path, query: {}, body: { a: 1 } }
    const send = cache.replay(-1)
    await send(request)
    await send({ ...request })
    expect(sent).toBe(1)
    cache.clear()
    await cache.replay(-1)(request)
    expect(sent).toBe(2)
  })

  it('prefetches with at most `concurrency` requests in flight', async () => {
    let inFlight = 0
    let most = 0
    const cache = createExchangeCache(async (request) => {
      most = Math.max(most, ++inFlight)
      await new Promise((resolve) => setTimeout(resolve, 2))
      inFlight--
      return answerOk(request)
    })
    const [scenario] = positivePlan(grant, { rules: 'seam', auth: MOCK_SECRETS }).scenarios
    if (scenario === undefined) throw new Error('no scenario')
    await cache.prefetch([scenarioRequests(1, 50, grant, scenario)], 4)
    expect(most).toBe(4)
  })

  it('gives each group its exchanges in generated order, and finds prefetched ones by content', async () => {
    let sent = 0
    const cache = createExchangeCache(async (request) => {
      sent++
      // Answers out of order: the group keeps the order of its requests.
      await new Promise((resolve) => setTimeout(resolve, 5 - sent))
      return answerOk(request)
    })
    const request = (n: number) => ({ ...base, body: { n } })
    const base = { operation: grant.id, method: grant.method, path: grant.path, query: {} }
    await cache.prefetch([[request(1), request(2)], [request(3)]], 3)
    expect((await cache.group(0)).map((exchange) => exchange.request.body)).toEqual([{ n: 1 }, { n: 2 }])
    expect((await cache.group(1)).map((exchange) => exchange.request.body)).toEqual([{ n: 3 }])
    await cache.replay(-1)(request(2))
    expect(sent).toBe(3)
    expect(await cache.exchanges()).toHaveLength(3)
  })

  it('replays equal requests answered differently in their own order, as the fast path saw them', async () => {
    let sent = 0
    const cache = createExchangeCache(async (request) => {
      // The second answer of the same request breaks: a flaky target.
      if (++sent !== 2) return answerOk(request)
      const { response: _none, ...broken } = answerOk(request)
      return { ...broken, error: 'connection reset' }
    })
    const request = { operation: grant.id, method: grant.method, path: grant.path, query: {}, body: {} }
    await cache.prefetch([[request, { ...request }, { ...request }]], 1)
    const replay = cache.replay(0)
    const seen = [await replay(request), await replay({ ...request }), await replay({ ...request })]
    expect(seen.map((exchange) => exchange.error)).toEqual([undefined, 'connection reset', undefined])
    // Past the group (a shrink), the first of equal requests stands for them all.
    expect((await replay(request)).error).toBeUndefined()
    expect(sent).toBe(3)
  })

  it('fails the prefetch when a send fails, and leaves nothing unhandled', async () => {
    const cache = createExchangeCache(() => Promise.reject(new Error('socket gone')))
    const base = { operation: grant.id, method: grant.method, path: grant.path, query: {} }
    await expect(cache.prefetch([[base]], 1)).rejects.toThrow('socket gone')
  })

  it('prefetches exactly the requests the checks then send', async () => {
    const [scenario] = positivePlan(grant, { rules: 'seam', auth: MOCK_SECRETS }).scenarios
    if (scenario === undefined) throw new Error('no scenario')
    const seen: GeneratedRequest[] = []
    const send = async (request: GeneratedRequest) => {
      seen.push(request)
      return answerOk(request)
    }
    const check = scenario.checks[0]
    if (check === undefined) throw new Error('no check')
    await runCheck({
      check,
      context: { operation: grant, validators },
      requests: scenario.requests,
      target: httpTarget(send),
      send,
      seed: scenarioSeed(9, grant, scenario),
      runs: 30,
    })
    expect(seen).toEqual(scenarioRequests(9, 30, grant, scenario))
  })
})
