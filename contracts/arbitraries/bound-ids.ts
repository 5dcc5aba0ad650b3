// A live workspace's real IDs in generated requests. Against a stateful target a made-up
// `device_id` is a 404, not a test of the operation: where the run holds real IDs for a parameter,
// valid payloads take one of them, and every invalid case is built on such a payload, so its
// labelled fault stays the only one.
import fc from 'fast-check'

import type { GeneratedRequest, Payload } from '../request.ts'

/** Real IDs by parameter name (`device_id`, `acs_entrance_id`, …); an empty list binds nothing. */
export type IdBindings = Readonly<Record<string, readonly string[]>>

/** The requests, with each top-level parameter the bindings name set to one of its real IDs. */
export function bindIds(
  requests: fc.Arbitrary<GeneratedRequest>,
  ids: IdBindings,
): fc.Arbitrary<GeneratedRequest> {
  const bound = Object.entries(ids).filter(([, values]) => values.length > 0)
  if (bound.length === 0) return requests
  const choices = fc.record(
    Object.fromEntries(bound.map(([name, values]) => [name, fc.constantFrom(...values)])),
  ) as fc.Arbitrary<Record<string, string>>
  return fc.tuple(requests, choices).map(([request, chosen]) => ({
    ...request,
    query: rebind(request.query, chosen),
    ...(isPayload(request.body) ? { body: rebind(request.body, chosen) } : {}),
  }))
}

/** Which of a payload's parameters the bindings can give a real ID. */
export function boundParameters(payload: Payload, ids: IdBindings): string[] {
  return Object.keys(payload).filter((name) => (ids[name]?.length ?? 0) > 0)
}

function rebind(payload: Payload, chosen: Record<string, string>): Payload {
  // Only parameters the payload holds: binding never adds one, so prose rules keep holding.
  return Object.fromEntries(
    Object.entries(payload).map(([name, value]) => [name, name in chosen ? chosen[name] : value]),
  )
}

function isPayload(value: unknown): value is Payload {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
