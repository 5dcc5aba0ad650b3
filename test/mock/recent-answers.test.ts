// The mock answers a request equal to one it judged moments ago with that judgement: the same
// answer, a fault applied to every request all the same, and no answer given to a request that
// differs only in its credential.
import { describe, expect, it } from 'vitest'

import { createMockHandler, mockRequest } from '../../mock/server.ts'
import { MOCK_SECRETS } from '../../suites/support/mock-secrets.ts'

const PATH = '/user_identities/grant_access_to_device'
const BODY = JSON.stringify({ user_identity_id: crypto.randomUUID(), device_id: crypto.randomUUID() })
const withKey = (key: string) =>
  mockRequest('POST', PATH, { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, BODY)

describe('the mock, asked the same request again', () => {
  it('gives the same answer, and a fault still sees each request', async () => {
    let faulted = 0
    const mock = await createMockHandler({
      accepted: MOCK_SECRETS,
      fault: ({ response }) => (faulted++, response),
    })
    const first = await mock.answer(withKey(MOCK_SECRETS.apiKey), BODY)
    const again = await mock.answer(withKey(MOCK_SECRETS.apiKey), BODY)
    expect(first.status).toBe(200)
    expect(again).toEqual(first)
    expect(faulted).toBe(2)
  })

  it('judges a request that differs in its credential afresh', async () => {
    const mock = await createMockHandler({ accepted: MOCK_SECRETS })
    expect((await mock.answer(withKey(MOCK_SECRETS.apiKey), BODY)).status).toBe(200)
    expect((await mock.answer(withKey('seam_not_the_key'), BODY)).status).toBe(401)
    expect((await mock.answer(withKey(MOCK_SECRETS.apiKey), BODY)).status).toBe(200)
  })
})
