// OpenAPI 3.0 schemas speak a dialect of JSON Schema that Ajv does not: `nullable`, boolean
// `exclusiveMinimum`/`exclusiveMaximum`, and (in this spec) enums that list a value twice.
// Everything downstream — validators, arbitraries, checks — works on the normalised form, so the
// generators and the validators can never disagree about what a schema means.

export type JsonSchema = {
  type?: string | string[]
  format?: string
  enum?: unknown[]
  const?: unknown
  default?: unknown
  nullable?: boolean
  deprecated?: boolean
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema
  minItems?: number
  maxItems?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number | boolean
  exclusiveMaximum?: number | boolean
  allOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  anyOf?: JsonSchema[]
  $ref?: string
  [keyword: string]: unknown
}

/** Normalises a schema and all the schemas nested in it. `$ref`s are kept as they are. */
export function normalizeSchema(schema: JsonSchema): JsonSchema {
  const { nullable, ...rest } = schema
  const node = normalizeChildren(normalizeKeywords(rest))
  return nullable === true ? allowNull(node) : node
}

function normalizeKeywords(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...schema }
  if (Array.isArray(out.enum)) out.enum = [...new Set(out.enum)]
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[flag] !== 'boolean') continue
    if (out[flag] === true && typeof out[bound] === 'number') {
      out[flag] = out[bound]
      delete out[bound]
    } else {
      delete out[flag]
    }
  }
  // Ajv does not need the discriminator hint and rejects it without its own option.
  delete out.discriminator
  return out
}

function allowNull(schema: JsonSchema): JsonSchema {
  if (typeof schema.type !== 'string') return { anyOf: [schema, { type: 'null' }] }
  const out: JsonSchema = { ...schema, type: [schema.type, 'null'] }
  if (out.enum !== undefined && !out.enum.includes(null)) out.enum = [...out.enum, null]
  return out
}

function normalizeChildren(node: JsonSchema): JsonSchema {
  const out = { ...node }
  if (out.properties !== undefined) {
    out.properties = Object.fromEntries(
      Object.entries(out.properties).map(([name, child]) => [name, normalizeSchema(child)]),
    )
  }
  if (out.items !== undefined) out.items = normalizeSchema(out.items)
  if (typeof out.additionalProperties === 'object') {
    out.additionalProperties = normalizeSchema(out.additionalProperties)
  }
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    const branches = out[key]
    if (branches !== undefined) out[key] = branches.map(normalizeSchema)
  }
  return out
}

/** A generator hint on query-string schemas: values must not be blank. Ajv ignores it. */
export const NON_BLANK = 'x-non-blank'

/** The JSON types a schema admits, or undefined when it does not say. */
export function schemaTypes(schema: JsonSchema): string[] | undefined {
  if (schema.type === undefined) return undefined
  return Array.isArray(schema.type) ? schema.type : [schema.type]
}
