// The invalid generators' contract: every "invalid" request really is invalid, in the way its
// label says, for every seed operation, over thousands of cases.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { invalidRequest } from '../../contracts/arbitraries/invalid.ts'
import { validRequest } from '../../contracts/arbitraries/request.ts'
import { applyMutation, payloadMutations, REMOVE } from '../../contracts/arbitraries/mutations.ts'
import type { Operation } from '../../contracts/operations.ts'
import type { GeneratedRequest, Payload } from '../../contracts/request.ts'
import { proseViolations, rulesFor } from '../../contracts/rules/index.ts'
import { operation, ruleOperations, seedOperations, validators } from '../helpers/model.ts'

const CASES = 1500

function instancePath(at: (string | number)[] = []): string {
  return at.length === 0 ? '(root)' : `/${at.join('/')}`
}

// Beside the seed operations, one whose query parameters include an untyped one: a number generated
// for it is no reason to expect "abc" to be refused (found by a whole-API run, seed 775892976).
const studied = [...seedOperations, operation('GET /seam/console/v1/timelines/get')]

describe.each(studied.map((op) => [op.id, op] as const))('invalid requests for %s', (_id, op) => {
  const requests = invalidRequest(op)
  const validate = validators.request(op)
  const parameters = (request: GeneratedRequest) =>
    op.requestBody === undefined ? request.query : request.body

  it('exist', () => {
    expect(requests).toBeDefined()
  })

  it('are the same for the same seed', () => {
    if (requests === undefined) return
    const sample = () => fc.sample(requests, { seed: 7, numRuns: 30 })
    expect(sample()).toEqual(sample())
  })

  it('break exactly what their label says', () => {
    if (requests === undefined) return
    fc.assert(
      fc.property(requests, (request) => {
        const intent = request.invalid
        expect(intent).toBeDefined()
        if (intent === undefined) return
        if (intent.breaks === 'schema') {
          const errors = validate(parameters(request))
          expect(errors).not.toEqual([])
          expect(errors).toContainEqual(
            expect.objectContaining({ keyword: intent.keyword, path: instancePath(intent.at) }),
          )
        } else if (intent.breaks === 'prose') {
          // Schema-valid, yet the endpoint's prose rule says no.
          expect(validate(parameters(request))).toEqual([])
          expect(proseViolations(op.path, parameters(request) as Payload, new Date())).not.toEqual([])
        } else {
          expect(op.requestBody).toBeDefined()
          const json = request.rawBody === undefined ? request.body : undefined
          const broken =
            request.contentType !== undefined ||
            (request.rawBody !== undefined && !isJson(request.rawBody)) ||
            typeof json !== 'object' ||
            Array.isArray(json)
          expect(broken).toBe(true)
        }
      }),
      { numRuns: CASES },
    )
  })
})

// Every prose case of every rule file, the seeds' included: schema-valid, it breaks the one rule it
// names and keeps every other (the contract mock's predicate and Ajv), and the invalid generator
// offers it.
describe.each(
  ruleOperations
    .filter((op) => (rulesFor(op.path)?.invalid ?? []).length > 0)
    .map((op) => [op.id, op] as const),
)('the prose cases of %s', (_id, op) => {
  const rules = rulesFor(op.path)
  const cases = rules?.invalid ?? []
  const validate = validators.request(op)
  const valid = validRequest(op).map((request) => inputOf(op, request))

  it.each(cases.map((proseCase) => [proseCase.label, proseCase] as const))(
    '"%s" keeps the schema and breaks exactly its rule',
    (_label, proseCase) => {
      fc.assert(
        fc.property(proseCase.make(valid, op.input.schema), (payload) => {
          expect(validate(payload)).toEqual([])
          const broken = proseViolations(op.path, payload, new Date())
          // The seeds' cases predate `breaks`: for them, at least one rule is broken.
          if (proseCase.breaks === undefined) expect(broken).not.toEqual([])
          else expect(broken).toEqual([proseCase.breaks])
        }),
        { numRuns: 200 },
      )
    },
  )

  it('are all among its invalid requests', () => {
    const requests = invalidRequest(op)
    if (requests === undefined) throw new Error('no invalid requests')
    const labels = new Set(fc.sample(requests, { seed: 3, numRuns: 400 }).map((r) => r.invalid?.label))
    expect(cases.map((c) => c.label).filter((label) => !labels.has(label))).toEqual([])
  })
})

describe('shrinking an invalid case', () => {
  it('keeps the fault it was labelled with and drops every property the fault does not need', () => {
    const requests = invalidRequest(operation('POST /access_grants/create'))
    if (requests === undefined) throw new Error('no invalid requests')
    const label = 'requested_access_methods[0]: null where not nullable'
    const details = fc.check(
      fc.property(requests, (request) => request.invalid?.label !== label),
      { seed: 3, numRuns: 5000 },
    )
    const [shrunk] = details.counterexample ?? []
    expect(shrunk?.invalid?.label).toBe(label)
    const { requested_access_methods: methods, ...rest } = shrunk?.body as Record<string, unknown>
    expect(methods).toEqual([null])
    // What the schema requires beside it: one branch of the oneOf, shrunk to its least.
    expect([
      { user_identity_id: '00000000-0000-4000-8000-000000000000' },
      { user_identity: {} },
    ]).toContainEqual(rest)
  })
})

describe('payloadMutations', () => {
  const grant = operation('POST /user_identities/grant_access_to_device')
  const valid = {
    user_identity_id: '2a7c3c4e-1b7e-4f3a-9c51-8a7e8d7e7c11',
    device_id: '2a7c3c4e-1b7e-4f3a-9c51-8a7e8d7e7c12',
  }

  it('labels each mutation by path and rule', () => {
    const labels = payloadMutations(grant.requestBody?.schema ?? {}, valid, 'body').map((m) => m.label)
    expect(labels).toEqual(
      expect.arrayContaining([
        'missing required user_identity_id',
        'user_identity_id: not a uuid',
        'device_id: null where not nullable',
        'device_id: wrong type (number instead of string)',
        'empty object',
      ]),
    )
  })

  it('keeps to mutations that survive a query string', () => {
    const revoke = operation('DELETE /user_identities/revoke_access_to_device')
    const labels = payloadMutations(revoke.input.schema, valid, 'query').map((m) => m.label)
    expect(labels).not.toContainEqual(expect.stringContaining('wrong type'))
    expect(labels).not.toContainEqual(expect.stringContaining('null'))
    expect(labels).toContain('device_id: not a uuid')
  })

  it('never mutates a property an open additionalProperties would accept', () => {
    const labels = payloadMutations(
      { type: 'object', properties: { a: { type: 'string' } } },
      { a: 'x' },
      'body',
    )
    expect(labels.map((m) => m.label)).not.toContainEqual(expect.stringContaining('undocumented property'))
  })

  it('applies a mutation to a copy', () => {
    const nested = { list: [{ mode: 'code' }] }
    expect(applyMutation(nested, { path: ['list', 0, 'mode'], replacement: REMOVE })).toEqual({ list: [{}] })
    expect(nested).toEqual({ list: [{ mode: 'code' }] })
  })
})

function inputOf(op: Operation, request: GeneratedRequest): Payload {
  return (op.requestBody === undefined ? request.query : request.body) as Payload
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}
