// The generators' own contract: "valid" means the schema accepts it, for every seed operation,
// over thousands of cases; the prose rules hold; and a seed always yields the same values.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { validRequest } from '../../contracts/arbitraries/request.ts'
import { responseArbitrary } from '../../contracts/arbitraries/schema.ts'
import type { GeneratedRequest } from '../../contracts/request.ts'
import { operation, seedOperations, validators } from '../helpers/model.ts'

const CASES = 2000

function parameters(request: GeneratedRequest): unknown {
  return request.body ?? request.query
}

describe.each(seedOperations.map((op) => [op.id, op] as const))('valid requests for %s', (_id, op) => {
  it('pass Ajv on the request schema', () => {
    const validate = validators.request(op)
    fc.assert(
      fc.property(validRequest(op), (request) => {
        expect(validate(parameters(request))).toEqual([])
      }),
      { numRuns: CASES },
    )
  })

  it('put parameters where the operation takes them', () => {
    fc.assert(
      fc.property(validRequest(op), (request) => {
        expect(request.method).toBe(op.method)
        expect(request.body === undefined).toBe(op.requestBody === undefined)
      }),
      { numRuns: 50 },
    )
  })

  it("pass Ajv on the 200 response schema when generated as the mock's answers", () => {
    const schema = op.responses['200']?.schema
    const validate = validators.response(op, '200')
    if (schema === undefined || validate === undefined) throw new Error('seed operations document a 200 body')
    fc.assert(
      fc.property(responseArbitrary(schema), (body) => {
        expect(validate(body)).toEqual([])
      }),
      { numRuns: 200 },
    )
  })

  it('yield the same values for the same seed', () => {
    const sample = (seed: number) => fc.sample(validRequest(op), { seed, numRuns: 20 })
    expect(sample(7)).toEqual(sample(7))
  })
})

describe('the prose rules narrow valid requests', () => {
  const body = (id: string) =>
    validRequest(operation(id)).map((request) => request.body as Record<string, unknown>)

  it('access_grants/create: date-times, ends_at in the future and after starts_at', () => {
    const now = Date.now()
    fc.assert(
      fc.property(body('POST /access_grants/create'), (grant) => {
        const { starts_at: startsAt, ends_at: endsAt } = grant as {
          starts_at?: string
          ends_at?: string | null
        }
        for (const value of [startsAt, endsAt]) {
          if (typeof value === 'string')
            expect(value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/)
        }
        if (typeof endsAt === 'string') {
          expect(Date.parse(endsAt)).toBeGreaterThan(now)
          if (startsAt !== undefined) expect(Date.parse(endsAt)).toBeGreaterThan(Date.parse(startsAt))
        }
        expect('user_identity_id' in grant).not.toBe('user_identity' in grant)
      }),
      { numRuns: CASES },
    )
  })

  it('acs/entrances/grant_access: exactly one of acs_user_id and user_identity_id', () => {
    fc.assert(
      fc.property(body('POST /acs/entrances/grant_access'), (request) => {
        expect(['acs_user_id', 'user_identity_id'].filter((key) => key in request)).toHaveLength(1)
      }),
      { numRuns: CASES },
    )
  })

  it.each(['POST', 'PUT'])(
    '%s user_identities/add_acs_user: exactly one of user_identity_id and user_identity_key',
    (method) => {
      fc.assert(
        fc.property(body(`${method} /user_identities/add_acs_user`), (request) => {
          expect(['user_identity_id', 'user_identity_key'].filter((key) => key in request)).toHaveLength(1)
        }),
        { numRuns: CASES },
      )
    },
  )
})

describe('the request validator', () => {
  it('rejects an access grant carrying both user_identity_id and user_identity (both oneOf branches match)', () => {
    const validate = validators.request(operation('POST /access_grants/create'))
    const both = {
      user_identity_id: '2a7c3c4e-1b7e-4f3a-9c51-8a7e8d7e7c11',
      user_identity: { full_name: 'Jane' },
      requested_access_methods: [{ mode: 'code' }],
    }
    expect(validate(both)).not.toEqual([])
    expect(validate({ ...both, user_identity: undefined })).toEqual([])
  })
})
