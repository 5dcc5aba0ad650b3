// The generators' own contract: "valid" means the schema accepts it, for every seed operation,
// over thousands of cases; the prose rules hold; and a seed always yields the same values.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { validRequest } from '../../contracts/arbitraries/request.ts'
import { queryArbitrary, responseArbitrary, schemaArbitrary } from '../../contracts/arbitraries/schema.ts'
import { LONG_TEXT, stringArbitrary } from '../../contracts/arbitraries/strings.ts'
import type { JsonSchema } from '../../contracts/json-schema.ts'
import type { GeneratedRequest, Payload } from '../../contracts/request.ts'
import { proseViolations } from '../../contracts/rules/index.ts'
import { operation, ruleOperations, seedOperations, validators } from '../helpers/model.ts'

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

// Every endpoint with a rule file, the seeds included: its narrowed valid requests still pass the
// schema, and break none of its prose rules (what the contract mock would answer 400 to).
describe.each(ruleOperations.map((op) => [op.id, op] as const))(
  'valid requests under the prose rules of %s',
  (_id, op) => {
    it('pass Ajv and keep every prose rule', () => {
      const validate = validators.request(op)
      fc.assert(
        fc.property(validRequest(op), (request) => {
          expect(validate(parameters(request))).toEqual([])
          expect(proseViolations(op.path, parameters(request) as Payload, new Date())).toEqual([])
        }),
        { numRuns: 300 },
      )
    })
  },
)

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

  it.each(['GET', 'POST'])(
    '%s events/list: exactly one of since (a date-time) and between (two dates)',
    (method) => {
      fc.assert(
        fc.property(validRequest(operation(`${method} /events/list`)), (request) => {
          const { since, between } = parameters(request) as { since?: string; between?: [string, string] }
          expect([since, between].filter((value) => value !== undefined)).toHaveLength(1)
          if (since !== undefined) expect(Date.parse(since)).not.toBeNaN()
          if (between !== undefined) {
            expect(between.map((day) => /^\d{4}-\d\d-\d\d$/.test(day))).toEqual([true, true])
            expect(between[0] < between[1]).toBe(true)
          }
        }),
        { numRuns: 500 },
      )
    },
  )

  it('access_codes/get: access_code_id alone, or device_id and code', () => {
    fc.assert(
      fc.property(validRequest(operation('GET /access_codes/get')), (request) => {
        expect([['access_code_id'], ['code', 'device_id']]).toContainEqual(Object.keys(request.query).sort())
      }),
      { numRuns: 500 },
    )
  })

  it('thermostats/set_hvac_mode: exactly one set point per unit pair the mode needs', () => {
    fc.assert(
      fc.property(validRequest(operation('POST /thermostats/set_hvac_mode')), (request) => {
        const body = request.body as Record<string, unknown>
        const count = (kind: string) =>
          [`${kind}_celsius`, `${kind}_fahrenheit`].filter((k) => k in body).length
        const mode = body.hvac_mode_setting as string
        expect(count('cooling_set_point')).toBe(['cool', 'heat_cool'].includes(mode) ? 1 : 0)
        expect(count('heating_set_point')).toBe(['heat', 'heat_cool'].includes(mode) ? 1 : 0)
      }),
      { numRuns: 500 },
    )
  })
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

describe('the shapes generators give', () => {
  const listOfObjects = (extra: JsonSchema = {}): JsonSchema => ({
    type: 'array',
    items: { type: 'object', properties: { name: { type: 'string' } } },
    ...extra,
  })
  const longest = (arbitrary: fc.Arbitrary<unknown>) =>
    Math.max(...fc.sample(arbitrary, { seed: 3, numRuns: 500 }).map((list) => (list as unknown[]).length))

  it("keeps the mock's lists of objects to three items, while requests get longer ones", () => {
    expect(longest(responseArbitrary(listOfObjects()))).toBe(3)
    expect(longest(schemaArbitrary(listOfObjects()))).toBeGreaterThan(3)
  })

  it("gives the mock's lists of objects the items their minItems asks for", () => {
    const lengths = fc
      .sample(responseArbitrary(listOfObjects({ minItems: 5 })), { seed: 3, numRuns: 200 })
      .map((list) => (list as unknown[]).length)
    expect(new Set(lengths)).toEqual(new Set([5]))
  })

  it('writes free text as well-formed code points, never a lone surrogate', () => {
    const texts = fc.sample(stringArbitrary({ type: 'string' }), { seed: 3, numRuns: 5000 })
    expect(texts.filter((text) => !text.isWellFormed())).toEqual([])
    expect(texts.some((text) => [...text].some((char) => (char.codePointAt(0) as number) > 0xffff))).toBe(
      true,
    )
  })

  it('writes version-4 UUIDs in the RFC 9562 variant, all different', () => {
    const uuids = fc.sample(stringArbitrary({ type: 'string', format: 'uuid' }), { seed: 3, numRuns: 2000 })
    const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    expect(uuids.filter((uuid) => !v4.test(uuid))).toEqual([])
    expect(new Set(uuids).size).toBe(uuids.length)
  })
})

describe('the edges requests reach', () => {
  const sample = (schema: JsonSchema, family = schemaArbitrary, numRuns = 2000) =>
    fc.sample(family(schema), { seed: 5, numRuns })
  const lengths = (values: unknown[]) => values.map((value) => [...(value as string)].length)

  it('gives free text of thousands of characters in bodies, and of a few hundred in ASCII in queries', () => {
    const body = lengths(sample({ type: 'string' }))
    expect(body.filter((length) => length >= LONG_TEXT).length).toBeGreaterThan(100)
    expect(Math.max(...body)).toBeGreaterThan(2000)
    expect(Math.max(...body)).toBeLessThanOrEqual(5000)
    const query = sample({ type: 'string' }, queryArbitrary) as string[]
    const long = query.filter((text) => text.length >= LONG_TEXT)
    expect(long.length).toBeGreaterThan(100)
    expect(Math.max(...lengths(query))).toBeLessThanOrEqual(600)
    expect(long.filter((text) => !/^[\x20-\x7e]+$/.test(text))).toEqual([])
  })

  it('gives strings exactly as long as their bounds allow, never longer or shorter', () => {
    const texts = lengths(sample({ type: 'string', minLength: 4, maxLength: 500 }))
    expect(texts).toContain(4)
    expect(texts).toContain(500)
    expect(texts.filter((length) => length < 4 || length > 500)).toEqual([])
    const codes = sample({ type: 'string', pattern: '^\\d+$', minLength: 4, maxLength: 9 }) as string[]
    expect(new Set(lengths(codes))).toEqual(new Set([4, 5, 6, 7, 8, 9]))
    expect(codes.filter((code) => !/^\d+$/.test(code))).toEqual([])
  })

  it('gives numbers at their bounds', () => {
    expect(sample({ type: 'integer', minimum: 1, maximum: 200 })).toEqual(expect.arrayContaining([1, 200]))
    expect(sample({ type: 'integer', exclusiveMinimum: 0 })).toEqual(expect.arrayContaining([1, 2 ** 31 - 1]))
    expect(sample({ type: 'number', minimum: 0.5, maximum: 7.25 })).toEqual(
      expect.arrayContaining([0.5, 7.25]),
    )
  })

  it('gives lists as long as their maxItems, and lists of objects longer than ten', () => {
    const ids = sample(
      { type: 'array', items: { type: 'string', format: 'uuid' }, maxItems: 10 },
      schemaArbitrary,
      500,
    )
    expect(ids.map((list) => (list as unknown[]).length)).toContain(10)
    const objects = { type: 'array', items: { type: 'object', properties: { a: { type: 'integer' } } } }
    const longest = Math.max(
      ...sample(objects, schemaArbitrary, 500).map((list) => (list as unknown[]).length),
    )
    expect(longest).toBeGreaterThan(10)
  })

  it("keeps the mock's answers as they were: no long strings", () => {
    const texts = lengths(sample({ type: 'string' }, responseArbitrary))
    expect(Math.max(...texts)).toBeLessThan(LONG_TEXT)
  })

  it.each([
    [
      'POST /access_grants/create',
      [
        'access_grant_key',
        'name',
        'reservation_key',
        'space_keys[]',
        'user_identity.full_name',
        'user_identity.phone_number',
        'user_identity.user_identity_key',
      ],
    ],
    ['POST /user_identities/add_acs_user', ['user_identity_key']],
  ])('%s: every free-text field is sometimes long', (id, fields) => {
    const longest = new Map<string, number>()
    const walk = (value: unknown, path: string) => {
      if (typeof value === 'string') longest.set(path, Math.max(longest.get(path) ?? 0, [...value].length))
      else if (Array.isArray(value)) for (const item of value) walk(item, `${path}[]`)
      else if (typeof value === 'object' && value !== null)
        for (const [name, child] of Object.entries(value)) walk(child, path === '' ? name : `${path}.${name}`)
    }
    for (const request of fc.sample(validRequest(operation(id)), { seed: 5, numRuns: 1500 }))
      walk(request.body, '')
    expect(fields.filter((field) => (longest.get(field) ?? 0) < LONG_TEXT)).toEqual([])
  })
})
