// The contract mock takes the strict flag @seamapi/http 2.x adds to every non-empty query string
// (docs/sdk-known-findings.md) as the SDK's convention, not a parameter: it judges and answers the
// request as if the flag were absent, while whoever observes the wire still sees it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type MockRequest, type RunningMock, startMock } from '../../mock/server.ts'
import { MOCK_SECRETS } from '../../suites/support/mock-secrets.ts'

const DEVICE_ID = '0b2c3d4e-5f60-4172-8394-a5b6c7d8e9f0'
let mock: RunningMock
const seen: MockRequest[] = []
beforeAll(async () => {
  mock = await startMock({ onExchange: (request) => seen.push(request) })
})
afterAll(() => mock.close())

async function get(pathAndQuery: string) {
  const response = await fetch(`${mock.url}${pathAndQuery}`, {
    headers: { authorization: `Bearer ${MOCK_SECRETS.apiKey}` },
  })
  return { status: response.status, body: await response.text() }
}

describe('the mock, given the SDK strict flag', () => {
  it('answers a query with _strict=true exactly as the same query without it', async () => {
    const plain = await get(`/devices/get?device_id=${DEVICE_ID}`)
    const flagged = await get(`/devices/get?device_id=${DEVICE_ID}&_strict=true`)
    expect(plain.status).toBe(200)
    expect(flagged).toEqual(plain)
    expect(seen.at(-1)?.query).toEqual({ device_id: DEVICE_ID, _strict: 'true' })
  })

  it('still refuses an invalid query that carries it', async () => {
    const { status, body } = await get('/devices/get?device_id=nope&_strict=true')
    expect(status).toBe(400)
    expect(JSON.parse(body)).toMatchObject({ error: { type: 'invalid_input' } })
  })
})
