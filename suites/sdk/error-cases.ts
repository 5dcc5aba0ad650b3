// The parameters of the gate's error cases, drawn once per operation.
import fc from 'fast-check'

import type { IdBindings } from '../../contracts/arbitraries/bound-ids.ts'
import { applyMutation, type Mutation, payloadMutations } from '../../contracts/arbitraries/mutations.ts'
import { validRequest } from '../../contracts/arbitraries/request.ts'
import type { Operation } from '../../contracts/operations.ts'
import type { GeneratedRequest, Payload } from '../../contracts/request.ts'
import { operationSeed } from '../engine/property.ts'

/** Valid payloads drawn to find one with something to break. */
const BROKEN_TRIES = 5

/**
 * A valid request, and the same broken in one place of its schema (one mutation of a valid
 * payload, as the negative suite makes them) if the operation takes anything that can break. Not
 * drawn from the invalid-request arbitrary: the gate needs one such request, not every kind.
 * With `ids`, the payloads carry the run's real IDs.
 */
export function errorCaseRequests(
  operation: Operation,
  seed: number,
  ids?: IdBindings,
): { valid: GeneratedRequest; schemaBroken?: GeneratedRequest } {
  const draw = (numRuns: number) =>
    fc.sample(validRequest(operation, ids), {
      seed: operationSeed(seed, `sdk errors ${operation.id}`),
      numRuns,
    })
  const location = operation.input.in
  const breakable = (request: GeneratedRequest) => ({
    request,
    mutations: payloadMutations(operation.input.schema, parametersOf(request), location),
  })
  // Most payloads can break: a second look only for those that cannot (an optional filter left out).
  let samples = draw(1).map(breakable)
  if (samples.every(({ mutations }) => mutations.length === 0)) samples = draw(BROKEN_TRIES).map(breakable)
  const valid = (samples[0] as (typeof samples)[number]).request
  const base = samples.find(({ mutations }) => mutations.length > 0)
  if (base === undefined) return { valid }
  const pick = operationSeed(seed, `sdk invalid ${operation.id}`) >>> 0
  const mutation = base.mutations[pick % base.mutations.length] as Mutation
  const broken = applyMutation(parametersOf(base.request), mutation)
  const invalid = {
    breaks: 'schema' as const,
    label: mutation.label,
    keyword: mutation.keyword,
    at: mutation.at,
  }
  return {
    valid,
    schemaBroken:
      location === 'body'
        ? { ...base.request, body: broken, invalid }
        : { ...base.request, query: broken as Payload, invalid },
  }
}

/** What the SDK method is given: the body, or the query parameters. */
export function parametersOf(request: GeneratedRequest): Payload {
  return (request.body ?? request.query) as Payload
}
