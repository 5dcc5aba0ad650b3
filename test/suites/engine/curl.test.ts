import { describe, expect, it } from 'vitest'

import { REDACTED, resolveAuth } from '../../../contracts/credentials.ts'
import { toCurl } from '../../../suites/engine/curl.ts'

const SECRETS = {
  primary: 'api_key',
  apiKey: 'seam_key_secret',
  personalAccessToken: 'seam_at_secret',
  workspaceId: 'ws_1',
} as const

describe('toCurl', () => {
  it('replays method, URL, headers and body, reading a configured secret from the environment', () => {
    const curl = toCurl({
      method: 'POST',
      url: 'http://127.0.0.1:4010/access_grants/create',
      headers: {
        authorization: `Bearer ${REDACTED}`,
        'seam-workspace': 'ws_1',
        'content-type': 'application/json',
      },
      body: `{"name":"it's"}`,
      secretVariable: 'SEAM_PERSONAL_ACCESS_TOKEN',
    })
    expect(curl).toBe(
      `curl -X POST 'http://127.0.0.1:4010/access_grants/create' -H "Authorization: Bearer $SEAM_PERSONAL_ACCESS_TOKEN" -H 'seam-workspace: ws_1' -H 'content-type: application/json' --data-raw '{"name":"it'\\''s"}'`,
    )
  })

  it('prints a made-up credential as it was sent, and no body for a query-only request', () => {
    expect(
      toCurl({ method: 'DELETE', url: 'http://h/x?a=1', headers: { authorization: 'Basic dXNlcg==' } }),
    ).toBe(`curl -X DELETE 'http://h/x?a=1' -H 'authorization: Basic dXNlcg=='`)
  })
})

describe('resolveAuth', () => {
  it('sends the configured secrets and prints only markers for them', () => {
    expect(resolveAuth(undefined, SECRETS)).toEqual({
      headers: { authorization: 'Bearer seam_key_secret' },
      printable: { authorization: `Bearer ${REDACTED}` },
      secretVariable: 'SEAM_API_KEY',
    })
    expect(resolveAuth({ use: 'personal_access_token', workspace: true }, SECRETS)).toEqual({
      headers: { authorization: 'Bearer seam_at_secret', 'seam-workspace': 'ws_1' },
      printable: { authorization: `Bearer ${REDACTED}`, 'seam-workspace': 'ws_1' },
      secretVariable: 'SEAM_PERSONAL_ACCESS_TOKEN',
    })
    expect(resolveAuth({ use: 'personal_access_token', workspace: false }, SECRETS)?.headers).toEqual({
      authorization: 'Bearer seam_at_secret',
    })
  })

  it('sends made-up and missing credentials as they are', () => {
    expect(resolveAuth({ use: 'none' }, SECRETS)).toEqual({ headers: {}, printable: {} })
    expect(resolveAuth({ use: 'header', authorization: 'Bearer seam_cst_x' }, SECRETS)?.printable).toEqual({
      authorization: 'Bearer seam_cst_x',
    })
  })

  it('has nothing to send for a kind the run does not hold', () => {
    expect(
      resolveAuth({ use: 'personal_access_token', workspace: true }, { primary: 'api_key', apiKey: 'k' }),
    ).toBe(undefined)
  })
})
