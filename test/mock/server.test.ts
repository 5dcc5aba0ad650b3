// The embedded mock keeps the contract it is checked against: conforming bodies for valid
// requests, Seam's envelope for errors.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { validRequest } from '../../contracts/arbitraries/request.ts'
import { startMock } from '../../mock/server.ts'
import { createClient } from '../../suites/transport/client.ts'
import { operation, seedOperations, validators } from '../helpers/model.ts'

let url = ''
let close = async () => {}
beforeAll(async () => ({ url, close } = await startMock()))
afterAll(() => close())

const client = () =>
  createClient({ endpoint: url, auth: { primary: 'api_key', apiKey: 'seam_any' }, timeoutMs: 5000 })

describe.each(seedOperations.map((op) => [op.id, op] as const))(
  'the mock, for valid %s requests',
  (_id, op) => {
    it('answers 200 with a body its 200 schema accepts', async () => {
      const http = client()
      const validate = validators.response(op, '200')
      await fc.assert(
        fc.asyncProperty(validRequest(op), async (request) => {
          const { response } = await http.send(request)
          expect(response?.status).toBe(200)
          expect(validate?.(response?.json)).toEqual([])
          if (op.result.kind === 'void') expect(response?.json).toEqual({ ok: true })
        }),
        { numRuns: 100 },
      )
      await http.close()
    })
  },
)

describe('the mock, for bad requests', () => {
  const grant = operation('POST /user_identities/grant_access_to_device')
  const request = { operation: grant.id, method: grant.method, path: grant.path, query: {} }

  it('answers 400 invalid_input with validation errors per field', async () => {
    const http = client()
    const { response } = await http.send({ ...request, body: { device_id: 'nope' } })
    await http.close()
    expect(response?.status).toBe(400)
    expect(response?.json).toMatchObject({
      error: {
        type: 'invalid_input',
        validation_errors: {
          device_id: { _errors: ['Request body property device_id must match format "uuid"'] },
        },
      },
      ok: false,
    })
  })

  it('answers 401 unauthorized without credentials', async () => {
    const response = await fetch(`${url}${grant.path}`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    })
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({
      error: { type: 'unauthorized', message: 'Missing Authorization header' },
      ok: false,
    })
  })

  it('answers 400 to a body that is not JSON and 404 to an unknown route', async () => {
    const headers = { authorization: 'Bearer seam_x', 'content-type': 'application/json' }
    const notJson = await fetch(`${url}${grant.path}`, { method: 'POST', body: '{', headers })
    expect(notJson.status).toBe(400)
    expect(await notJson.json()).toMatchObject({
      error: { type: 'invalid_input', message: 'Request body is not valid JSON' },
    })
    const unknown = await fetch(`${url}/no/such/route`, { method: 'POST', body: '{}', headers })
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ error: { type: 'not_found' }, ok: false })
  })
})
