// Invalid requests for an operation, each breaking exactly one thing and saying what: a schema
// keyword (one mutation of a valid payload), a prose rule (from the endpoint's rule file), or the
// body itself (not JSON, not an object, not application/json).
import fc from 'fast-check'

import { type JsonSchema, schemaTypes } from '../json-schema.ts'
import type { Operation } from '../operations.ts'
import type { GeneratedRequest, InvalidIntent, Payload } from '../request.ts'
import { memoizeByObjects } from '../memo.ts'
import { proseViolations, rulesFor } from '../rules/index.ts'
import type { IdBindings } from './bound-ids.ts'
import { applyMutation, type Mutation, payloadMutations } from './mutations.ts'
import { yieldsSome } from './probe.ts'
import { validRequest } from './request.ts'
import { choiceSelector, stableChoice } from './stable-choice.ts'

/**
 * Undefined when the operation takes nothing that could be wrong (no parameters, no body). With
 * `ids`, each case breaks a valid payload that carries real IDs.
 */
export const invalidRequest = memoizeByObjects(build)

function build(operation: Operation, ids?: IdBindings): fc.Arbitrary<GeneratedRequest> | undefined {
  const inBody = operation.input.in === 'body'
  const valid = validRequest(operation, ids)
  const parametersOf = (request: GeneratedRequest) => (inBody ? request.body : request.query) as Payload
  const withParameters = (request: GeneratedRequest, parameters: unknown, invalid: InvalidIntent) =>
    inBody ? { ...request, body: parameters, invalid } : { ...request, query: parameters as Payload, invalid }

  const schema = operation.input.schema
  // The mutation is chosen so that shrinking the valid payload keeps it (./stable-choice.ts): a
  // shrunk case still breaks what the failing one broke.
  const schemaBroken = fc.tuple(valid, choiceSelector).map(([request, selector]) => {
    const mutation = stableChoice(schemaFaults(operation, parametersOf(request)), (m) => m.label, selector)
    if (mutation === undefined) return undefined
    return withParameters(request, applyMutation(parametersOf(request), mutation), {
      breaks: 'schema',
      label: mutation.label,
      keyword: mutation.keyword,
      at: mutation.at,
    })
  })

  const prose = (rulesFor(operation.path)?.invalid ?? []).map((proseCase) =>
    fc
      // Only the case's own parameters shrink: the request around them is a frame.
      .tuple(fc.noShrink(valid), proseCase.make(valid.map(parametersOf), schema))
      .map(([request, parameters]) =>
        withParameters(request, parameters, { breaks: 'prose', label: proseCase.label }),
      ),
  )

  const candidates = [
    { weight: 6, arbitrary: schemaBroken },
    ...prose.map((arbitrary) => ({ weight: 2, arbitrary })),
    ...(inBody ? [{ weight: 1, arbitrary: bodyBroken(valid, schema) }] : []),
  ].filter(({ arbitrary }) => canYield(arbitrary))
  if (candidates.length === 0) return undefined
  return fc.oneof(...candidates).filter((request): request is GeneratedRequest => request !== undefined)
}

/**
 * The schema faults a valid payload offers: its one-keyword mutations (./mutations.ts), less those
 * that would break a prose rule as well (an empty object leaves out what an "either … or" asks
 * for): each case is to break one rule, so that a server enforcing every other rule is caught.
 */
export function schemaFaults(operation: Operation, parameters: Payload): Mutation[] {
  const location = operation.input.in === 'body' ? 'body' : 'query'
  const mutations = payloadMutations(operation.input.schema, parameters, location)
  if (rulesFor(operation.path) === undefined) return mutations
  const now = new Date()
  return mutations.filter((mutation) => {
    const broken = applyMutation(parameters, mutation) as Payload
    return proseViolations(operation.path, broken, now).length === 0
  })
}

// Some payloads offer nothing to break (e.g. a lone free-text query parameter): probe once, so a
// filter can never spin looking for a mutation that does not exist.
function canYield(arbitrary: fc.Arbitrary<GeneratedRequest | undefined>): boolean {
  return yieldsSome(arbitrary, (request) => request !== undefined)
}

// Each breaks the body whatever its schema, except `notObject`: those only where an object is due.
const BODY_BREAKAGE: {
  label: string
  notObject?: true
  change: (request: GeneratedRequest) => GeneratedRequest
}[] = [
  {
    label: 'body: not JSON',
    change: ({ body: _body, ...request }) => ({ ...request, rawBody: '{"not json' }),
  },
  {
    label: 'body: a JSON array instead of an object',
    notObject: true,
    change: (request) => ({ ...request, body: [request.body] }),
  },
  {
    label: 'body: a JSON string instead of an object',
    notObject: true,
    change: (request) => ({ ...request, body: 'text' }),
  },
  {
    label: 'body: content-type text/plain',
    change: (request) => ({ ...request, contentType: 'text/plain' }),
  },
]

function bodyBroken(
  valid: fc.Arbitrary<GeneratedRequest>,
  schema: JsonSchema,
): fc.Arbitrary<GeneratedRequest> {
  const objectDue = schemaTypes(schema)?.every((type) => type === 'object') === true
  const breakage = BODY_BREAKAGE.filter((b) => objectDue || b.notObject !== true)
  return fc
    .tuple(valid, fc.noShrink(fc.constantFrom(...breakage)))
    .map(([request, { label, change }]) => ({ ...change(request), invalid: { breaks: 'body', label } }))
}
