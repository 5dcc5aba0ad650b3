import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { errorEnvelopeProblems, readErrorEnvelope } from '../../contracts/error-envelope.ts'
import { errorEnvelope, validationErrors } from '../../mock/responses.ts'

describe('readErrorEnvelope', () => {
  it('reads back every envelope the mock writes', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (type, message) => {
        const details = validationErrors([{ path: ['body', 'name'], message: 'Required' }])
        expect(readErrorEnvelope(errorEnvelope(type, message, { validation_errors: details }))).toEqual({
          type,
          message,
          validationErrors: details,
        })
        expect(readErrorEnvelope(errorEnvelope(type, message))).toEqual({
          type,
          message,
          validationErrors: {},
        })
      }),
    )
  })

  it('needs an error object with a string type; a message or details of the wrong kind are left out', () => {
    expect(
      readErrorEnvelope({ error: { type: 'device_not_found', message: 7, validation_errors: [] } }),
    ).toEqual({
      type: 'device_not_found',
      validationErrors: {},
    })
    for (const json of [undefined, null, 'error', [], { ok: false }, { error: 'x' }, { error: { type: 3 } }])
      expect(readErrorEnvelope(json)).toBeUndefined()
  })
})

describe('errorEnvelopeProblems', () => {
  it('finds none in an envelope the mock writes', () => {
    expect(errorEnvelopeProblems(errorEnvelope('invalid_input', 'Bad') as Record<string, unknown>)).toEqual(
      [],
    )
  })

  it('names each part that is missing or of the wrong kind', () => {
    expect(errorEnvelopeProblems({})).toEqual(['"ok" is missing, expected false', 'no "error" object'])
    expect(errorEnvelopeProblems({ ok: true, error: { type: 1 } })).toEqual([
      '"ok" is true, expected false',
      'error.type is not a string',
      'error.message is not a string',
    ])
  })
})
