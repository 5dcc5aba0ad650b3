// SDK findings the gate has reported and the project has looked at: every occurrence is still
// printed, with its count, but it does not fail the gate. docs/sdk-known-findings.md explains each;
// a finding the pinned SDK stops showing is taken out of both places. SDK wire conventions (the
// SDK's own habits, not faults) are known the same way, in ./conventions.ts.

export type KnownFinding = {
  id: string
  /** A fault the project has looked at, or a convention of the SDK's that the spec does not name. */
  kind: 'finding' | 'convention'
  check: string
  summary: string
  /** The `@seamapi/http` releases it was seen in (and, where checked, those it was not). */
  versions: string
}

/** Keys axios (the SDK's HTTP client, 1.21.1 in our lockfile) drops from request bodies as a guard against prototype pollution. */
const PROTOTYPE_NAMED_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

export const DROPS_PROTOTYPE_NAMED_KEYS: KnownFinding = {
  id: 'drops_prototype_named_keys',
  kind: 'finding',
  check: 'sdk_request',
  summary:
    'the SDK silently drops parameter keys named __proto__, constructor or prototype (axios guards against prototype pollution), which free-form objects such as custom_metadata allow',
  versions: '@seamapi/http 1.121.0 and 2.32.0 (both through axios 1.21.1)',
}

export const KNOWN_FINDINGS: KnownFinding[] = [DROPS_PROTOTYPE_NAMED_KEYS]

/** The value with every key named like an Object.prototype member removed, at any depth. */
export function withoutPrototypeNamedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPrototypeNamedKeys)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !PROTOTYPE_NAMED_KEYS.has(key))
      .map(([key, item]) => [key, withoutPrototypeNamedKeys(item)]),
  )
}
