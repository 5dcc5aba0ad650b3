// Valid values for a normalised JSON schema. Every value this yields must pass Ajv on the same
// schema; `test/contracts/arbitraries.test.ts` proves it for every seed operation.
import fc from 'fast-check'

import { formatAccepts } from '../formats.ts'
import { type JsonSchema, schemaTypes } from '../json-schema.ts'
import { memoizeByObject } from '../memo.ts'
import { yieldsSome } from './probe.ts'
import { stringArbitrary, type TextEdges } from './strings.ts'

/** Marks a property left out of an object; never reaches a payload. */
const ABSENT = Symbol('absent')

/** One family of arbitraries: each schema's built once, its children from the same family. */
type Family = {
  arbitrary: (schema: JsonSchema) => fc.Arbitrary<unknown>
  /**
   * Reach for the edges: long strings and strings as long as their bounds, numbers at their
   * bounds, lists as long as `maxItems` and long lists of objects. Unset: none of these.
   */
  edges?: TextEdges
  /** The same values without the edges: what most lists' items are (see `arrayArbitrary`). */
  plain?: (schema: JsonSchema) => fc.Arbitrary<unknown>
  /** Every list takes its items from `plain`: query strings, which repeat a list's key for each item. */
  plainListItems?: boolean
  /** Where the items of a long list of objects come from, when not from `plain`. */
  longListItems?: (schema: JsonSchema) => fc.Arbitrary<unknown>
  /** The most items a list of objects gets, unless its schema asks for more; unset: fast-check's default. */
  objectListLength?: number
  /** Lists of scalars never grow large (to a thousand items). */
  compact?: boolean
}

function family(options: Omit<Family, 'arbitrary'>): Family['arbitrary'] {
  const self: Family = { ...options, arbitrary: memoizeByObject((schema: JsonSchema) => build(schema, self)) }
  return self.arbitrary
}

/** Values as fast-check likes them, without reaching for the edges. */
const plain = family({})

/** Small values: for the items of long lists of objects, each of which may hold lists of its own. */
const compact = family({ objectListLength: 3, compact: true })

/**
 * Values for request bodies: lists as long as fast-check likes, so every enum value of every item
 * shows up, and the edges: strings of several thousand characters, bounds.
 */
export const schemaArbitrary = family({
  edges: { longest: 5000, unicode: true },
  plain,
  longListItems: compact,
})

/**
 * Values for query strings: the same, but long strings stay ASCII, a few hundred characters, and
 * out of lists (which repeat their key for every item), so that a URL stays within the 8 KB
 * request line that servers commonly take.
 */
export const queryArbitrary = family({
  edges: { longest: 600, unicode: false },
  plain,
  plainListItems: true,
  longListItems: compact,
})

/**
 * Values for the mock's answers: lists of objects stay short. They nest (spaces → reservations →
 * access grants → …), and ten at each level made list answers of up to 700 KB, which every check
 * of every request then had to read, for no rule that three items would not show.
 */
export const responseArbitrary = family({ objectListLength: 3 })

function build(schema: JsonSchema, g: Family): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum !== undefined) return fc.constantFrom(...schema.enum)
  if (schema.allOf !== undefined) return allOf(schema.allOf, g)
  if (schema.oneOf !== undefined) return oneOf(schema.oneOf, g)
  if (schema.anyOf !== undefined) return fc.oneof(...schema.anyOf.map(g.arbitrary))
  const types = schemaTypes(schema) ?? inferTypes(schema)
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 })
  return fc.oneof(...types.map((type) => ofType(type, schema, g)))
}

function inferTypes(schema: JsonSchema): string[] {
  if (schema.properties !== undefined || schema.additionalProperties !== undefined) return ['object']
  if (schema.items !== undefined) return ['array']
  return []
}

function ofType(type: string, schema: JsonSchema, g: Family): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null)
    case 'boolean':
      return fc.boolean()
    case 'string':
      return stringArbitrary(schema, g.edges)
    case 'integer': {
      const min = lowerBound(schema, 1) ?? -(2 ** 31)
      const max = upperBound(schema, 1) ?? 2 ** 31 - 1
      return atBounds(fc.integer({ min, max }), [min, max], g)
    }
    case 'number':
      return atBounds(numberArbitrary(schema), inclusiveBounds(schema), g)
    case 'array':
      return arrayArbitrary(schema, g)
    case 'object':
      return objectArbitrary(schema, g)
    default:
      throw new Error(`unsupported JSON schema type "${type}"`)
  }
}

function lowerBound(schema: JsonSchema, step: number): number | undefined {
  if (typeof schema.exclusiveMinimum === 'number') return Math.floor(schema.exclusiveMinimum) + step
  return schema.minimum === undefined ? undefined : Math.ceil(schema.minimum)
}

function upperBound(schema: JsonSchema, step: number): number | undefined {
  if (typeof schema.exclusiveMaximum === 'number') return Math.ceil(schema.exclusiveMaximum) - step
  return schema.maximum === undefined ? undefined : Math.floor(schema.maximum)
}

/** With edges, the values sometimes sit exactly at their bounds. */
function atBounds(values: fc.Arbitrary<number>, bounds: number[], g: Family): fc.Arbitrary<number> {
  if (g.edges === undefined || bounds.length === 0) return values
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 8, arbitrary: values },
    { weight: 1, arbitrary: fc.constantFrom(...new Set(bounds)) },
  )
}

/** A number's bounds it may take itself: the schema's inclusive ones, else the generator's range. */
function inclusiveBounds(schema: JsonSchema): number[] {
  const min = typeof schema.exclusiveMinimum === 'number' ? undefined : (schema.minimum ?? -1e9)
  const max = typeof schema.exclusiveMaximum === 'number' ? undefined : (schema.maximum ?? 1e9)
  return [min, max].filter((bound) => bound !== undefined)
}

function numberArbitrary(schema: JsonSchema): fc.Arbitrary<number> {
  const exclusiveMin = typeof schema.exclusiveMinimum === 'number'
  const exclusiveMax = typeof schema.exclusiveMaximum === 'number'
  const min = exclusiveMin ? (schema.exclusiveMinimum as number) : schema.minimum
  const max = exclusiveMax ? (schema.exclusiveMaximum as number) : schema.maximum
  return fc.double({
    noNaN: true,
    noDefaultInfinity: true,
    ...(min === undefined ? { min: -1e9 } : { min, minExcluded: exclusiveMin }),
    ...(max === undefined ? { max: 1e9 } : { max, maxExcluded: exclusiveMax }),
  })
}

/** The most items a long list of objects gets in a request (fast-check's default stops at 10). */
const LONG_OBJECT_LIST = 20

// With edges, a list is one of: an ordinary list of plain items; a list of items at their edges
// (long strings, bounds); a long list (of IDs and keys, or of small objects whose own lists stay
// short: twenty objects each holding lists of a thousand keys took seconds to make); a list exactly
// `maxItems` long. Items reach
// for their edges only in lists of their own: lists of objects with a long string in every few
// fields, lists of keys with a few long keys each, made bodies of hundreds of kilobytes. A failing
// case first tries an ordinary list (`withCrossShrink`): a long one cannot shrink below its least.
function arrayArbitrary(schema: JsonSchema, g: Family): fc.Arbitrary<unknown[]> {
  const plainItems = (g.plain ?? g.arbitrary)(schema.items ?? {})
  const minLength = schema.minItems ?? 0
  const bounds = { minLength, ...(schema.maxItems === undefined ? {} : { maxLength: schema.maxItems }) }
  const scalars = !mayBeObject(schema.items)
  if (g.edges === undefined) {
    // Lists of scalars (IDs, keys) are cheap: let them grow large sometimes.
    if (scalars && g.compact !== true) {
      return fc.oneof(
        { weight: 4, arbitrary: fc.array(plainItems, bounds) },
        fc.array(plainItems, { ...bounds, size: 'large' }),
      )
    }
    if (g.objectListLength === undefined || scalars) return fc.array(plainItems, bounds)
    const maxLength = Math.min(schema.maxItems ?? Infinity, Math.max(minLength, g.objectListLength))
    return fc.array(plainItems, { ...bounds, maxLength })
  }
  const lists: fc.WeightedArbitrary<unknown[]>[] = [{ weight: 4, arbitrary: fc.array(plainItems, bounds) }]
  if (g.plainListItems !== true) {
    lists.push({ weight: 1, arbitrary: fc.array(g.arbitrary(schema.items ?? {}), bounds) })
  }
  if (scalars) {
    lists.push({ weight: 1, arbitrary: fc.array(plainItems, { ...bounds, size: 'large' }) })
  } else {
    const longest = Math.min(schema.maxItems ?? Infinity, Math.max(minLength, LONG_OBJECT_LIST))
    const fewest = Math.max(minLength, 11)
    if (fewest <= longest) {
      const longItems = g.longListItems === undefined ? plainItems : g.longListItems(schema.items ?? {})
      lists.push({ weight: 1, arbitrary: fc.array(longItems, { minLength: fewest, maxLength: longest }) })
    }
  }
  if (schema.maxItems !== undefined && schema.maxItems > minLength) {
    const exactly = { minLength: schema.maxItems, maxLength: schema.maxItems }
    lists.push({ weight: 1, arbitrary: fc.array(plainItems, exactly) })
  }
  return fc.oneof({ withCrossShrink: true }, ...lists)
}

/** Whether a value of the schema may be or hold an object, directly or through one of its branches. */
function mayBeObject(schema: JsonSchema | undefined): boolean {
  if (schema === undefined || schema.enum !== undefined || schema.const !== undefined) return false
  const types = schemaTypes(schema) ?? inferTypes(schema)
  if (types.includes('object') || (types.includes('array') && mayBeObject(schema.items))) return true
  return [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])].some(mayBeObject)
}

function objectArbitrary(schema: JsonSchema, g: Family): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {}
  const required = new Set(schema.required ?? [])
  const entries = Object.entries(properties).map(([name, child]) => {
    const value = withDefault(child, g)
    if (required.has(name)) return [name, value] as const
    // Optional properties appear about half the time; deprecated ones only now and then. A failing
    // case first tries to do without one (`withCrossShrink`) before shrinking its value.
    const absentWeight = child.deprecated === true ? 4 : 1
    return [
      name,
      fc.oneof(
        { withCrossShrink: true },
        { weight: absentWeight, arbitrary: fc.constant(ABSENT) },
        { weight: 1, arbitrary: value },
      ),
    ] as const
  })
  const record = fc.record(Object.fromEntries(entries)).map(dropAbsent)
  const extra = schema.additionalProperties
  if (Object.keys(properties).length > 0 || typeof extra !== 'object') return record
  // A map: keys are free, values follow `additionalProperties`.
  return fc.dictionary(
    fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }),
    g.arbitrary(extra),
    {
      maxKeys: 4,
    },
  )
}

function withDefault(schema: JsonSchema, g: Family): fc.Arbitrary<unknown> {
  const value = g.arbitrary(schema)
  if (schema.default === undefined) return value
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 1, arbitrary: fc.constant(schema.default) },
    { weight: 3, arbitrary: value },
  )
}

function dropAbsent(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== ABSENT))
}

// Parts of an allOf are objects in this spec: generate each part, then merge them.
function allOf(parts: JsonSchema[], g: Family): fc.Arbitrary<unknown> {
  if (parts.length === 1) return g.arbitrary(parts[0] as JsonSchema)
  return fc
    .tuple(...parts.map(g.arbitrary))
    .map((values) => Object.assign({}, ...(values as Record<string, unknown>[])) as Record<string, unknown>)
}

// oneOf means exactly one: a value built from one branch must not also fit another. Some specs
// write branches that another branch always covers (e.g. an empty object schema beside narrower
// ones); such a branch can never yield a valid value, so it is probed once and left out rather
// than left to filter forever.
function oneOf(branches: JsonSchema[], g: Family): fc.Arbitrary<unknown> {
  const usable = branches.flatMap((branch, index) => {
    const others = branches.filter((_, other) => other !== index)
    const fitsOnlyHere = (value: unknown) => !others.some((other) => mightMatch(other, value))
    const values = g.arbitrary(branch)
    return yieldsSome(values, fitsOnlyHere) ? [values.filter(fitsOnlyHere)] : []
  })
  if (usable.length === 0) throw new Error('oneOf: no branch can yield a value that fits only itself')
  return fc.oneof(...usable)
}

/**
 * A cheap structural test: could `value` satisfy `schema`? It looks at types, formats, required
 * properties, enums and constants, which is what tells the branches of Seam's unions apart.
 * Erring towards "yes" only drops values; the validity property catches any "no" that is wrong.
 */
export function mightMatch(schema: JsonSchema, value: unknown): boolean {
  if (schema.const !== undefined && schema.const !== value) return false
  if (schema.enum !== undefined && !schema.enum.includes(value)) return false
  if (schema.allOf !== undefined && !schema.allOf.every((part) => mightMatch(part, value))) return false
  if (schema.oneOf !== undefined && !schema.oneOf.some((branch) => mightMatch(branch, value))) return false
  if (schema.anyOf !== undefined && !schema.anyOf.some((branch) => mightMatch(branch, value))) return false
  const types = schemaTypes(schema)
  if (types !== undefined && !types.some((type) => hasType(value, type))) return false
  if (schema.format !== undefined && !formatAccepts(schema.format, value)) return false
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return true
  const record = value as Record<string, unknown>
  if ((schema.required ?? []).some((name) => !(name in record))) return false
  return Object.entries(schema.properties ?? {}).every(
    ([name, child]) => !(name in record) || mightMatch(child, record[name]),
  )
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null
    case 'array':
      return Array.isArray(value)
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
    case 'integer':
      return Number.isInteger(value)
    default:
      return typeof value === type
  }
}
