// One-step mutations of a valid payload, each breaking exactly one schema keyword at one place and
// saying so. Pure: (schema, valid value) → the list of mutations that make it invalid.
import fc from 'fast-check'

import { formatAccepts } from '../formats.ts'
import { type JsonSchema, schemaTypes } from '../json-schema.ts'
import { mightMatch, schemaArbitrary } from './schema.ts'

export type Segment = string | number

export type Mutation = {
  /** What is broken, e.g. `requested_access_methods[0].mode: not in enum`. */
  label: string
  /** Where the value changes (empty: the whole payload). */
  path: Segment[]
  /** The new value at `path`, or REMOVE to drop the property. */
  replacement: unknown
  /** The JSON Schema keyword a validator must report, and the instance path it reports it at. */
  keyword: string
  at: Segment[]
}

export const REMOVE = Symbol('remove')

/** Where the payload travels: query strings carry only text, so type mutations mean nothing there. */
export type Location = 'body' | 'query'

const BAD_FORMATS: Record<string, string> = {
  uuid: 'not-a-uuid',
  'date-time': 'not-a-date-time',
  date: 'not-a-date',
  email: 'not-an-email',
  uri: 'not a uri',
}

export function payloadMutations(
  schema: JsonSchema,
  payload: Record<string, unknown>,
  location: Location,
): Mutation[] {
  const mutations = objectMutations(schema, payload, [], location)
  // Only where leaving everything out breaks `required` alone: not a oneOf's choice as well.
  const union = unionOf(schema)
  const choiceBroken = union !== undefined && !union.some((branch) => mightMatch(branch, {}))
  if ((effectiveObject(schema, payload).required ?? []).length > 0 && !choiceBroken) {
    mutations.push({ label: 'empty object', path: [], replacement: {}, keyword: 'required', at: [] })
  }
  return mutations
}

/** Applies a mutation to a copy of the payload. */
export function applyMutation(payload: unknown, mutation: Pick<Mutation, 'path' | 'replacement'>): unknown {
  if (mutation.path.length === 0) return mutation.replacement
  const copy = structuredClone(payload) as Record<Segment, unknown>
  let parent = copy
  for (const segment of mutation.path.slice(0, -1)) parent = parent[segment] as Record<Segment, unknown>
  const last = mutation.path.at(-1) as Segment
  if (mutation.replacement === REMOVE) delete parent[last]
  else parent[last] = mutation.replacement
  return copy
}

function describePath(path: Segment[]): string {
  return path
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`))
    .join('')
}

/** The object schema a value meets: allOf parts merged, the oneOf branch the value took included. */
function effectiveObject(schema: JsonSchema, value: unknown): JsonSchema & { oneOfKeys: Set<string> } {
  const properties: Record<string, JsonSchema> = {}
  const required = new Set<string>()
  const oneOfKeys = new Set<string>()
  const absorb = (part: JsonSchema, fromOneOf: boolean) => {
    Object.assign(properties, part.properties)
    for (const name of part.required ?? []) (fromOneOf ? oneOfKeys : required).add(name)
    for (const sub of part.allOf ?? []) absorb(sub, fromOneOf)
    const branch = part.oneOf?.find((candidate) => mightMatch(candidate, value))
    if (branch !== undefined) absorb(branch, true)
  }
  absorb(schema, false)
  return { ...schema, properties, required: [...required], oneOfKeys }
}

function objectMutations(
  schema: JsonSchema,
  value: Record<string, unknown>,
  path: Segment[],
  location: Location,
): Mutation[] {
  const effective = effectiveObject(schema, value)
  const mutations: Mutation[] = []
  for (const name of effective.required ?? []) {
    if (name in value && !effective.oneOfKeys.has(name)) {
      const at = [...path, name]
      mutations.push({
        label: `missing required ${describePath(at)}`,
        path: at,
        replacement: REMOVE,
        keyword: 'required',
        at: path,
      })
    }
  }
  for (const [name, child] of Object.entries(effective.properties ?? {})) {
    if (name in value && !effective.oneOfKeys.has(name)) {
      mutations.push(...valueMutations(child, value[name], [...path, name], location))
    }
  }
  if (effective.additionalProperties === false && location === 'body') {
    const at = [...path, 'not_a_documented_property']
    mutations.push({
      label: `${describePath(at)}: undocumented property`,
      path: at,
      replacement: 'x',
      keyword: 'additionalProperties',
      at: path,
    })
  }
  mutations.push(...oneOfMutations(schema, value, path))
  return mutations
}

function valueMutations(schema: JsonSchema, value: unknown, path: Segment[], location: Location): Mutation[] {
  const { inner, nullable } = unwrapNullable(schema)
  if (inner.oneOf !== undefined || inner.anyOf !== undefined || value === null) return []
  const types = schemaTypes(inner) ?? []
  const mutations: Mutation[] = []
  const add = (label: string, replacement: unknown, keyword: string) =>
    mutations.push({ label: `${describePath(path)}: ${label}`, path, replacement, keyword, at: path })

  if (location === 'body') {
    // A schema that names no type takes null and anything else: nothing to break there.
    if (types.length > 0 && !nullable && !types.includes('null')) add('null where not nullable', null, 'type')
    const wrong = wrongTypeValue(types)
    if (wrong !== undefined)
      add(`wrong type (${typeof wrong} instead of ${types.join(' or ')})`, wrong, 'type')
  }
  if (typeof value === 'string') {
    // An empty value in a query string reads as "absent", not as a too-short string.
    const addString =
      location === 'query'
        ? (label: string, replacement: unknown, keyword: string) =>
            replacement !== '' && add(label, replacement, keyword)
        : add
    stringMutations(inner, value, addString)
  }
  // In a query string every value is text: "abc" or "maybe" breaks only a schema that names the type
  // (an untyped schema may well have generated a number or a boolean, and takes any text).
  const named = (type: string) => types.includes(type) && !types.includes('string')
  if (typeof value === 'number') {
    const textBreaks = location === 'query' && (named('number') || named('integer'))
    numberMutations(inner, textBreaks, add)
  }
  if (typeof value === 'boolean' && location === 'query' && named('boolean'))
    add('not a boolean', 'maybe', 'type')
  if (Array.isArray(value) && location === 'body') {
    if ((inner.minItems ?? 0) > 0) add(`fewer than minItems ${inner.minItems}`, [], 'minItems')
    if (inner.maxItems !== undefined && value.length > 0) {
      add(
        `more than maxItems ${inner.maxItems}`,
        Array.from({ length: inner.maxItems + 1 }, () => value[0]),
        'maxItems',
      )
    }
    if (value.length > 0 && inner.items !== undefined) {
      mutations.push(...valueMutations(inner.items, value[0], [...path, 0], location))
    }
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && location === 'body') {
    if (types.includes('object') && !types.includes('array')) add('array where object expected', [], 'type')
    mutations.push(...objectMutations(inner, value as Record<string, unknown>, path, location))
  }
  return mutations
}

// Each breaks one keyword and keeps the others: a PIN code too short is still digits, a string
// that misses the pattern is still as long as the bounds ask. Where no candidate does, no mutation.
function stringMutations(
  schema: JsonSchema,
  value: string,
  add: (label: string, value: unknown, keyword: string) => unknown,
): void {
  if (schema.enum !== undefined) {
    add(
      'not in enum',
      `${String(schema.enum.find((v) => typeof v === 'string') ?? 'value')}_not_in_enum`,
      'enum',
    )
    return
  }
  const minLength = schema.minLength ?? 0
  const pattern = schema.pattern === undefined ? undefined : new RegExp(schema.pattern, 'u')
  const length = (text: string) => [...text].length
  const keeps = {
    length: (text: string) =>
      length(text) >= minLength && (schema.maxLength === undefined || length(text) <= schema.maxLength),
    pattern: (text: string) => pattern === undefined || pattern.test(text),
    format: (text: string) => schema.format === undefined || formatAccepts(schema.format, text),
  }
  const first = (candidates: string[], ...kept: (keyof typeof keeps)[]) =>
    candidates.find((candidate) => kept.every((keyword) => keeps[keyword](candidate)))

  const bad = schema.format === undefined ? undefined : BAD_FORMATS[schema.format]
  if (bad !== undefined && !keeps.format(bad) && keeps.length(bad) && keeps.pattern(bad))
    add(`not a ${schema.format}`, bad, 'format')
  if (minLength > 0) {
    const short = first(
      [[...value].slice(0, minLength - 1).join(''), '9'.repeat(minLength - 1), 'x'.repeat(minLength - 1)],
      'pattern',
      'format',
    )
    if (short !== undefined) add(`shorter than minLength ${minLength}`, short, 'minLength')
  }
  if (schema.maxLength !== undefined) {
    const over = schema.maxLength + 1
    const points = [...value]
    const extended =
      points.length === 0 ? '' : Array.from({ length: over }, (_, i) => points[i % points.length]).join('')
    const long = first(
      [extended, '9'.repeat(over), 'x'.repeat(over)].filter((text) => length(text) === over),
      'pattern',
      'format',
    )
    if (long !== undefined) add(`longer than maxLength ${schema.maxLength}`, long, 'maxLength')
  }
  if (pattern !== undefined) {
    const misses = ['x', '-', ' ', '!'].map((unit) => unit.repeat(Math.max(minLength, 1)))
    const miss = first(
      [...misses, ''].filter((text) => !pattern.test(text)),
      'length',
      'format',
    )
    if (miss !== undefined) add('does not match pattern', miss, 'pattern')
  }
}

function numberMutations(
  schema: JsonSchema,
  /** Whether text in place of the number breaks the schema (a query value of a typed number). */
  textBreaks: boolean,
  add: (label: string, value: unknown, keyword: string) => void,
): void {
  if (textBreaks) add('not a number', 'abc', 'type')
  if (typeof schema.exclusiveMinimum === 'number')
    add(`not above ${schema.exclusiveMinimum}`, schema.exclusiveMinimum, 'exclusiveMinimum')
  if (schema.minimum !== undefined) add(`below minimum ${schema.minimum}`, schema.minimum - 1, 'minimum')
  if (typeof schema.exclusiveMaximum === 'number')
    add(`not below ${schema.exclusiveMaximum}`, schema.exclusiveMaximum, 'exclusiveMaximum')
  if (schema.maximum !== undefined) add(`above maximum ${schema.maximum}`, schema.maximum + 1, 'maximum')
  if (schemaTypes(schema)?.includes('integer') === true) {
    // Half a step above the least value allowed: not an integer, yet within the bounds.
    const least =
      schema.minimum ?? (typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : 0)
    const fraction = least + 0.5
    const fits =
      (schema.maximum === undefined || fraction <= schema.maximum) &&
      (typeof schema.exclusiveMaximum !== 'number' || fraction < schema.exclusiveMaximum)
    if (fits) add('not an integer', fraction, 'type')
  }
}

/** For a oneOf of object branches: carry a second branch's keys too, or no branch's keys at all. */
function oneOfMutations(schema: JsonSchema, value: Record<string, unknown>, path: Segment[]): Mutation[] {
  const union = unionOf(schema)
  if (union === undefined) return []
  const chosen = union.find((branch) => mightMatch(branch, value))
  if (chosen === undefined) return []
  const chosenKeys = chosen.required ?? []
  const mutations: Mutation[] = []
  for (const other of union) {
    const otherKeys = (other.required ?? []).filter((key) => !chosenKeys.includes(key))
    if (other === chosen || otherKeys.length === 0 || chosenKeys.length === 0) continue
    // The other branch's own values, generated once from a fixed seed: a constant per case.
    const [sample] = fc.sample(schemaArbitrary(other), { seed: 1, numRuns: 1 }) as Record<string, unknown>[]
    const both = { ...value, ...Object.fromEntries(otherKeys.map((key) => [key, sample?.[key]])) }
    // Only where the merged value still fits both branches: else it is just valid for the other.
    if (!mightMatch(chosen, both) || !mightMatch(other, both)) continue
    mutations.push({
      label: `oneOf: both ${chosenKeys.join(', ')} and ${otherKeys.join(', ')}`,
      path,
      replacement: both,
      keyword: 'oneOf',
      at: path,
    })
  }
  const neither = Object.fromEntries(Object.entries(value).filter(([key]) => !chosenKeys.includes(key)))
  if (chosenKeys.length > 0 && !union.some((branch) => mightMatch(branch, neither))) {
    mutations.push({
      label: `oneOf: neither ${union.flatMap((b) => b.required ?? []).join(' nor ')}`,
      path,
      replacement: neither,
      keyword: 'oneOf',
      at: path,
    })
  }
  return mutations
}

/** The branches of an object's oneOf, its own or one of its allOf parts'. */
function unionOf(schema: JsonSchema): JsonSchema[] | undefined {
  return schema.oneOf ?? schema.allOf?.find((part) => part.oneOf !== undefined)?.oneOf
}

function unwrapNullable(schema: JsonSchema): { inner: JsonSchema; nullable: boolean } {
  const branches = schema.anyOf
  if (branches?.length === 2 && branches.some((b) => b.type === 'null')) {
    return { inner: branches.find((b) => b.type !== 'null') as JsonSchema, nullable: true }
  }
  return { inner: schema, nullable: false }
}

function wrongTypeValue(types: string[]): unknown {
  if (types.length === 0) return undefined
  if (!types.includes('string')) return 'not-a-number-or-object'
  if (!types.includes('number') && !types.includes('integer')) return 12345
  if (!types.includes('boolean')) return true
  return undefined
}
