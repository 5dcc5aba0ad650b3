import { describe, expect, it } from 'vitest'

import { expectedAuthVerdict, judgeBearer, tokenKind } from '../../contracts/auth.ts'

const PAT_OR_KEY = [['api_key'], ['pat_with_workspace'], ['console_session_with_workspace']]

describe('tokenKind', () => {
  it.each([
    ['seam_test123', 'api_key'],
    ['seam_at1_abc', 'personal_access_token'],
    ['seam_cst1_abc', 'client_session_token'],
    ['seam_pk1_abc', 'publishable_key'],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig', 'console_session'],
    ['abc', 'unknown'],
  ])('%s is a %s', (token, kind) => {
    expect(tokenKind(token)).toBe(kind)
  })
})

describe('judgeBearer', () => {
  it('accepts an API key and a personal access token with a workspace', () => {
    expect(judgeBearer(PAT_OR_KEY, 'Bearer seam_key', undefined)).toEqual({ ok: true })
    expect(judgeBearer(PAT_OR_KEY, 'Bearer seam_at_token', 'ws')).toEqual({ ok: true })
  })

  it('wants a workspace with a personal access token', () => {
    expect(judgeBearer(PAT_OR_KEY, 'Bearer seam_at_token', undefined)).toMatchObject({
      ok: false,
      status: 400,
      type: 'missing_workspace_id',
    })
    expect(judgeBearer([['pat_without_workspace']], 'Bearer seam_at_token', undefined)).toEqual({ ok: true })
  })

  it.each([
    [undefined, 'Missing Authorization header'],
    ['Basic abc', 'Authorization must be "Bearer <token>"'],
    ['Bearer ', 'Authorization must be "Bearer <token>"'],
    ['Bearer seam_cst_x', 'A client session token cannot call this endpoint'],
    ['Bearer seam_pk_x', 'A publishable key cannot call this endpoint'],
  ])('rejects %j with 401', (authorization, message) => {
    expect(judgeBearer(PAT_OR_KEY, authorization, undefined)).toEqual({
      ok: false,
      status: 401,
      type: 'unauthorized',
      message,
    })
  })

  it('lets a client session token call an operation that takes one', () => {
    expect(judgeBearer([['client_session_with_customer']], 'Bearer seam_cst_x', undefined)).toEqual({
      ok: true,
    })
  })
})

describe('expectedAuthVerdict', () => {
  it('reads the verdict for the run’s own credentials from their kind', () => {
    expect(expectedAuthVerdict(PAT_OR_KEY, { use: 'api_key' })).toEqual({ ok: true })
    expect(expectedAuthVerdict(PAT_OR_KEY, { use: 'personal_access_token', workspace: false })).toMatchObject(
      { status: 400 },
    )
    expect(expectedAuthVerdict([['pat_with_workspace']], { use: 'api_key' })).toMatchObject({ status: 401 })
  })
})
