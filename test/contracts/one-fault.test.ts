// Each invalid case breaks exactly one rule: with its labelled fault undone, the payload keeps every
// other rule, schema and prose, so a server that enforces all rules but that one is caught by it.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { schemaFaults } from '../../contracts/arbitraries/invalid.ts'
import { applyMutation, type Mutation, type Segment } from '../../contracts/arbitraries/mutations.ts'
import { validRequest } from '../../contracts/arbitraries/request.ts'
import type { Operation } from '../../contracts/operations.ts'
import type { GeneratedRequest, Payload } from '../../contracts/request.ts'
import { proseViolations, rulesFor } from '../../contracts/rules/index.ts'
import type { ValidationError } from '../../contracts/validators.ts'
import { seedOperations, validators } from '../helpers/model.ts'

const parametersOf = (op: Operation, request: GeneratedRequest) =>
  (op.input.in === 'body' ? request.body : request.query) as Payload

const COMBINATORS = new Set(['oneOf', 'anyOf', 'allOf'])

function pointer(path: Segment[]): string {
  return path.length === 0 ? '(root)' : `/${path.join('/')}`
}

/**
 * Whether an error is the mutation's own: its keyword where it says (with, for a broken oneOf,
 * what each branch misses there), a combinator on the way to the changed value (a branch that no
 * longer fits), or, for a value of the wrong type, whatever else that value cannot be (a number is
 * in no enum of strings).
 */
function ownError(error: ValidationError, mutation: Mutation): boolean {
  if (error.path === pointer(mutation.at)) {
    if (error.keyword === mutation.keyword || COMBINATORS.has(mutation.keyword)) return true
  }
  if (error.path === pointer(mutation.path)) return mutation.keyword === 'type'
  const at = error.path === '(root)' ? [] : error.path.split('/').slice(1)
  const onTheWay = at.length < mutation.path.length && at.every((s, i) => s === String(mutation.path[i]))
  return onTheWay && COMBINATORS.has(error.keyword)
}

describe.each(seedOperations.map((op) => [op.id, op] as const))('invalid cases for %s', (_id, op) => {
  const validate = validators.request(op)
  const parameters = validRequest(op).map((request) => parametersOf(op, request))

  it('each schema fault breaks its one keyword and nothing else, schema or prose', () => {
    fc.assert(
      fc.property(parameters, (valid) => {
        const now = new Date()
        for (const mutation of schemaFaults(op, valid)) {
          const broken = applyMutation(valid, mutation) as Payload
          const elsewhere = validate(broken).filter((error) => !ownError(error, mutation))
          const prose = proseViolations(op.path, broken, now)
          expect({ label: mutation.label, elsewhere, prose }).toEqual({
            label: mutation.label,
            elsewhere: [],
            prose: [],
          })
        }
      }),
      { numRuns: 300 },
    )
  })

  const cases = rulesFor(op.path)?.invalid ?? []
  it.skipIf(cases.length === 0).each(cases.map((c) => [c.label, c] as const))(
    '"%s" keeps the schema and breaks its own prose rule only',
    (_label, proseCase) => {
      fc.assert(
        fc.property(proseCase.make(parameters, op.input.schema), (broken) => {
          expect(validate(broken)).toEqual([])
          expect(proseViolations(op.path, broken, new Date())).toEqual([proseCase.breaks])
        }),
        { numRuns: 300 },
      )
    },
  )
})
