import { describe, expect, it } from 'vitest'

import { judgeAnswer } from '../../contracts/seam-errors.ts'

const notFound = {
  status: 404,
  json: { error: { type: 'access_grant_not_found', message: 'gone' }, ok: false },
}

describe('Seam-wide error overlay', () => {
  it('expects a 404 …_not_found for an ID the run never created', () => {
    expect(judgeAnswer(notFound, { namesOnlyExistingResources: false })).toEqual({
      kind: 'expected_error',
      type: 'access_grant_not_found',
    })
  })

  it('calls a 404 for a resource the run just created a violation', () => {
    expect(judgeAnswer(notFound, { namesOnlyExistingResources: true }).kind).toBe('violation')
  })

  it.each([
    [{ status: 404, json: undefined }, 'operation_missing'],
    [{ status: 404, json: { error: { type: 'route_missing' } } }, 'operation_missing'],
    [{ status: 503, json: { error: { type: 'service_unavailable' } } }, 'target_failure'],
    [{ status: 429 }, 'target_failure'],
    [{ error: 'connection refused' }, 'target_failure'],
    [{ status: 400 }, 'violation'],
    [{ status: 418, json: { error: { type: 'teapot' } } }, 'violation'],
    [{ status: 200, json: { ok: true } }, 'ok'],
  ])('judges %j as %s', (answer, kind) => {
    expect(judgeAnswer(answer, { namesOnlyExistingResources: false }).kind).toBe(kind)
  })
})
