// The contract mock keeps Seam's own rules, beyond the schema; plain-Prism mode keeps none of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type RunningMock, startMock } from '../../mock/server.ts'

const GRANT = '/user_identities/grant_access_to_device'
const VALID = JSON.stringify({
  user_identity_id: '2a7c3c4e-1b7e-4f3a-9c51-8a7e8d7e7c11',
  device_id: '2a7c3c4e-1b7e-4f3a-9c51-8a7e8d7e7c12',
})

let seam: RunningMock
let strict: RunningMock
let prism: RunningMock
beforeAll(async () => {
  ;[seam, strict, prism] = await Promise.all([
    startMock(),
    startMock({
      accepted: { apiKey: 'seam_right_key', personalAccessToken: 'seam_at_right', workspaceId: 'ws_1' },
    }),
    startMock({ rules: 'prism' }),
  ])
})
afterAll(() => Promise.all([seam.close(), strict.close(), prism.close()]))

async function post(mock: RunningMock, path: string, body: string, headers: Record<string, string>) {
  const response = await fetch(`${mock.url}${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  })
  const text = await response.text()
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) }
}

describe('the contract mock', () => {
  it('wants seam-workspace with a personal access token', async () => {
    expect(await post(seam, GRANT, VALID, { authorization: 'Bearer seam_at_x' })).toEqual({
      status: 400,
      body: {
        error: {
          type: 'missing_workspace_id',
          message: 'You must provide a workspace id in the seam-workspace header',
        },
        ok: false,
      },
    })
    expect(
      (await post(seam, GRANT, VALID, { authorization: 'Bearer seam_at_x', 'seam-workspace': 'ws' })).status,
    ).toBe(200)
  })

  it.each(['Bearer seam_cst_x', 'Bearer seam_pk_x', 'Token seam_x'])(
    'answers %j with 401',
    async (authorization) => {
      const { status, body } = await post(seam, GRANT, VALID, { authorization })
      expect(status).toBe(401)
      expect(body).toMatchObject({ error: { type: 'unauthorized' }, ok: false })
    },
  )

  it('takes only the configured credentials when given some', async () => {
    expect((await post(strict, GRANT, VALID, { authorization: 'Bearer seam_right_key' })).status).toBe(200)
    expect((await post(strict, GRANT, VALID, { authorization: 'Bearer seam_wrong_key' })).status).toBe(401)
    const pat = { authorization: 'Bearer seam_at_right' }
    expect((await post(strict, GRANT, VALID, { ...pat, 'seam-workspace': 'ws_1' })).status).toBe(200)
    expect((await post(strict, GRANT, VALID, { ...pat, 'seam-workspace': 'ws_2' })).status).toBe(401)
  })

  it('keeps the prose rules', async () => {
    const both = JSON.stringify({
      acs_entrance_id: '2a7c3c4e-1b7e-4f3a-9c51-8a7e8d7e7c11',
      acs_user_id: '2a7c3c4e-1b7e-4f3a-9c51-8a7e8d7e7c12',
      user_identity_id: '2a7c3c4e-1b7e-4f3a-9c51-8a7e8d7e7c13',
    })
    expect(await post(seam, '/acs/entrances/grant_access', both, { authorization: 'Bearer seam_x' })).toEqual(
      {
        status: 400,
        body: {
          error: {
            type: 'invalid_input',
            message: 'You can only provide one of acs_user_id or user_identity_id.',
            validation_errors: {},
          },
          ok: false,
        },
      },
    )
  })

  it('keeps the prose rules the spec states beyond the seed endpoints, in the query too', async () => {
    const auth = { authorization: 'Bearer seam_x' }
    const get = async (path: string) => {
      const response = await fetch(`${seam.url}${path}`, { headers: auth })
      return { status: response.status, body: (await response.json()) as unknown }
    }
    expect(await get('/devices/get')).toEqual({
      status: 400,
      body: {
        error: {
          type: 'invalid_input',
          message: 'You must specify either device_id or name.',
          validation_errors: {},
        },
        ok: false,
      },
    })
    expect((await get('/devices/get?name=Front%20door')).status).toBe(200)
    const code = { device_id: '2a7c3c4e-1b7e-4f3a-9c51-8a7e8d7e7c11' }
    expect((await post(seam, '/access_codes/get', JSON.stringify(code), auth)).body).toMatchObject({
      error: { message: 'You must specify either access_code_id or both device_id and code.' },
    })
    expect(
      (await post(seam, '/access_codes/get', JSON.stringify({ ...code, code: '1234' }), auth)).status,
    ).toBe(200)
    const past = {
      acs_user_id: code.device_id,
      allowed_acs_entrance_id: code.device_id,
      ends_at: '2020-01-01T00:00:00Z',
    }
    expect(
      (await post(seam, '/acs/credentials/create_offline_code', JSON.stringify(past), auth)).body,
    ).toMatchObject({
      error: { type: 'invalid_input', message: 'ends_at must be a time in the future' },
    })
  })

  it('wants application/json', async () => {
    const { status, body } = await post(seam, GRANT, VALID, {
      authorization: 'Bearer seam_x',
      'content-type': 'text/plain',
    })
    expect(status).toBe(400)
    expect(body).toMatchObject({ error: { type: 'invalid_input' } })
  })
})

describe('the mock with plain Prism rules', () => {
  it('knows the schema but not the token kinds, and answers errors without a body', async () => {
    expect((await post(prism, GRANT, VALID, { authorization: 'Bearer seam_at_x' })).status).toBe(200)
    expect(await post(prism, GRANT, '{}', { authorization: 'Bearer seam_x' })).toEqual({
      status: 400,
      body: undefined,
    })
    expect(await post(prism, GRANT, VALID, {})).toEqual({ status: 401, body: undefined })
  })
})
