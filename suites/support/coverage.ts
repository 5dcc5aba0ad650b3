// What a run exercised of each operation: the status codes it saw, the input properties and enum
// values its valid requests carried. Pure: a suite records what it observed, and the coverage
// report holds that against what the operation offers.
import type { JsonSchema } from '../../contracts/json-schema.ts'
import { memoizeByObject } from '../../contracts/memo.ts'
import type { Operation } from '../../contracts/operations.ts'
import type { GeneratedRequest } from '../../contracts/request.ts'
import type { Exchange } from '../../contracts/exchange.ts'

/** What requests of one suite carried and got: merged across suites by the report. */
export type Observed = {
  statuses: number[]
  /** Property paths sent in valid requests: `requested_access_methods[].mode`. */
  properties: string[]
  /** Enum values sent in valid requests: `requested_access_methods[].mode=code`. */
  enumValues: string[]
  /** The longest string and the longest list valid requests carried; absent: none carried one. */
  longest: Longest
}

/** A length (a string's in code points, as JSON Schema counts them; a list's in items) and where. */
export type Extent = { length: number; at: string }

export type Longest = { string?: Extent; array?: Extent }

/** What an operation offers to exercise. */
export type Universe = { statuses: string[]; properties: string[]; enumValues: string[] }

// Deep enough for every input of the pinned spec that matters; a bound, since schemas may recurse.
const MAX_DEPTH = 6

export function operationUniverse(operation: Operation): Universe {
  const properties = new Set<string>()
  const enumValues = new Set<string>()
  const walk = (schema: JsonSchema | undefined, path: string, depth: number) => {
    if (schema === undefined || depth > MAX_DEPTH) return
    for (const value of schema.enum ?? []) if (value !== null) enumValues.add(`${path}=${String(value)}`)
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const at = join(path, name)
      properties.add(at)
      walk(property, at, depth + 1)
    }
    walk(schema.items, `${path}[]`, depth + 1)
    for (const branch of [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])]) {
      walk(branch, path, depth + 1)
    }
  }
  walk(operation.input.schema, '', 0)
  walk(operation.queryBesideBody, '', 0)
  return {
    statuses: Object.keys(operation.responses),
    properties: [...properties].sort(),
    enumValues: [...enumValues].sort(),
  }
}

/**
 * What the exchanges' valid requests carried. Given what the operation offers, only that is kept
 * (and only that is built: a `path=value` entry only where the path has an enum).
 */
export function observe(exchanges: Exchange[], offered?: Universe): Observed {
  const statuses = new Set<number>()
  const properties = new Set<string>()
  const enumValues = new Set<string>()
  const enumPaths = offered === undefined ? undefined : pathsOf(offered.enumValues)
  const longest: Longest = {}
  const walk = (value: unknown, path: string) => {
    // A string's length in code units bounds its code points: most never need counting.
    if (typeof value === 'string' && value.length > (longest.string?.length ?? -1))
      widen(longest, 'string', { length: codePoints(value), at: path })
    if (Array.isArray(value)) {
      widen(longest, 'array', { length: value.length, at: path })
      for (const item of value) walk(item, `${path}[]`)
    } else if (typeof value === 'object' && value !== null) {
      for (const [name, property] of Object.entries(value)) {
        properties.add(join(path, name))
        walk(property, join(path, name))
      }
    } else if (value !== null && path !== '' && (enumPaths === undefined || enumPaths.has(path))) {
      enumValues.add(`${path}=${String(value)}`)
    }
  }
  for (const exchange of exchanges) {
    if (exchange.response !== undefined) statuses.add(exchange.response.status)
    if (exchange.request.invalid !== undefined) continue
    for (const payload of inputsOf(exchange.request)) walk(payload, '')
  }
  const kept = (items: Set<string>, offer: string[] | undefined) => {
    const offers = offer === undefined ? undefined : new Set(offer)
    return [...items].filter((item) => offers === undefined || offers.has(item)).sort()
  }
  return {
    statuses: [...statuses].sort(),
    properties: kept(properties, offered?.properties),
    enumValues: kept(enumValues, offered?.enumValues),
    longest,
  }
}

const universeOf = memoizeByObject(operationUniverse)

/**
 * What the report holds against the operation: only the properties and enum values it offers. A
 * test's meta lives to the end of the run, and the 5000-character strings and long lists valid
 * requests carry made hundreds of thousands of `path=value` entries the report never reads.
 */
export function observeOperation(operation: Operation, exchanges: Exchange[]): Observed {
  return observe(exchanges, universeOf(operation))
}

/** The paths of `path=value` entries. */
function pathsOf(enumValues: string[]): Set<string> {
  return new Set(enumValues.map((entry) => entry.slice(0, entry.indexOf('='))))
}

function codePoints(text: string): number {
  let count = 0
  for (const _ of text) count++
  return count
}

function inputsOf(request: GeneratedRequest): unknown[] {
  return request.body === undefined ? [request.query] : [request.body, request.query]
}

function join(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`
}

export type OperationCoverage = {
  operation: string
  /**
   * `missing`: documented statuses a suite of the run sought and never got. `notSought`: documented
   * statuses never answered that no suite that ran for the operation asks for (`--checks`, or a live
   * run that gives it only some suites), so not missed. `seen`: every status answered, documented
   * or not.
   */
  statuses: { documented: string[]; seen: string[]; missing: string[]; notSought: string[] }
  properties: { total: number; sent: number; missing: string[] }
  enumValues: { total: number; sent: number; missing: string[] }
  /** The longest string and list valid requests carried, by any suite. */
  longest: Longest
}

const AUTH_STATUSES = new Set(['401', '403'])

/** The documented statuses each suite's requests ask for: valid ones a 2xx, the others a refusal. */
const SOUGHT_BY: Record<string, (status: string) => boolean> = {
  positive: (status) => status.startsWith('2'),
  negative: (status) => status.startsWith('4') && !AUTH_STATUSES.has(status),
  auth: (status) => AUTH_STATUSES.has(status),
  // Live mode's never-created IDs.
  not_found: (status) => status === '404',
}

/**
 * Whether any of these suites (those whose checks ran for an operation) asks for a status. A suite
 * not listed above (live mode's stateful properties), or suites not known, ask for every status.
 */
function soughtBy(suites: string[] | undefined): (status: string) => boolean {
  if (suites === undefined || suites.some((suite) => SOUGHT_BY[suite] === undefined)) return () => true
  return (status) => suites.some((suite) => (SOUGHT_BY[suite] as (status: string) => boolean)(status))
}

/**
 * Holds what the suites observed (merged) against what the operation offers; `suites`, those whose
 * checks ran for it, say which documented statuses the run sought (all, when not given).
 */
export function operationCoverage(
  operation: Operation,
  observed: Observed[],
  suites?: string[],
): OperationCoverage {
  const universe = operationUniverse(operation)
  const seen = (pick: (o: Observed) => (string | number)[]) => new Set(observed.flatMap(pick).map(String))
  const statuses = seen((o) => o.statuses)
  const properties = seen((o) => o.properties)
  const enumValues = seen((o) => o.enumValues)
  const documented = universe.statuses.filter((status) => /^\d{3}$/.test(status))
  const sought = soughtBy(suites)
  const missingOf = (all: string[], got: Set<string>) => all.filter((item) => !got.has(item))
  const enumMissing = missingOf(universe.enumValues, enumValues)
  const propertyMissing = missingOf(universe.properties, properties)
  return {
    operation: operation.id,
    statuses: {
      documented,
      seen: [...statuses].sort(),
      missing: missingOf(documented.filter(sought), statuses),
      // An answer counts even where no suite asked for it (a 400 to a valid request): it was seen.
      notSought: missingOf(documented, statuses).filter((status) => !sought(status)),
    },
    properties: {
      total: universe.properties.length,
      sent: universe.properties.length - propertyMissing.length,
      missing: propertyMissing,
    },
    enumValues: {
      total: universe.enumValues.length,
      sent: universe.enumValues.length - enumMissing.length,
      missing: enumMissing,
    },
    longest: observed.reduce<Longest>((merged, { longest }) => {
      for (const kind of ['string', 'array'] as const) widen(merged, kind, longest[kind])
      return merged
    }, {}),
  }
}

/** Keeps `extent` as the longest of its kind when it is longer than the one kept so far. */
function widen(longest: Longest, kind: keyof Longest, extent: Extent | undefined): void {
  if (extent !== undefined && extent.length > (longest[kind]?.length ?? -1)) longest[kind] = extent
}
