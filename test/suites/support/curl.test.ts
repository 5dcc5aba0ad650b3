import { describe, expect, it } from 'vitest'

import { redactHeaders } from '../../../suites/support/credentials.ts'
import { toCurl } from '../../../suites/support/curl.ts'

describe('toCurl', () => {
  it('replays method, URL, headers and body, reading the secret from the environment', () => {
    const curl = toCurl(
      {
        method: 'POST',
        url: 'http://127.0.0.1:4010/access_grants/create',
        headers: {
          authorization: 'Bearer [REDACTED]',
          'content-type': 'application/json',
          'seam-workspace': 'ws_1',
        },
        body: `{"name":"it's"}`,
      },
      'SEAM_PERSONAL_ACCESS_TOKEN',
    )
    expect(curl).toBe(
      `curl -X POST 'http://127.0.0.1:4010/access_grants/create' -H "Authorization: Bearer $SEAM_PERSONAL_ACCESS_TOKEN" -H 'content-type: application/json' -H 'seam-workspace: ws_1' --data-raw '{"name":"it'\\''s"}'`,
    )
  })

  it('leaves out the body of a query-only request', () => {
    expect(toCurl({ method: 'DELETE', url: 'http://h/x?a=1', headers: {} }, 'SEAM_API_KEY')).toBe(
      `curl -X DELETE 'http://h/x?a=1'`,
    )
  })
})

describe('redactHeaders', () => {
  it('hides credentials and keeps the rest', () => {
    expect(
      redactHeaders({
        Authorization: 'Bearer seam_abc',
        'seam-client-session-token': 'seam_cst_1',
        'seam-publishable-key': 'seam_pk_1',
        'seam-workspace': 'ws_1',
      }),
    ).toEqual({
      Authorization: 'Bearer [REDACTED]',
      'seam-client-session-token': '[REDACTED]',
      'seam-publishable-key': '[REDACTED]',
      'seam-workspace': 'ws_1',
    })
  })
})
