import type fc from 'fast-check'

import { schemaArbitrary } from '../arbitraries/schema.ts'
import type { JsonSchema } from '../json-schema.ts'

/**
 * Values the input schema allows for one top-level parameter, never null (a null says "not set"):
 * from `properties`, or from the first oneOf/anyOf/allOf branch that has the parameter.
 */
export function propertyValue(schema: JsonSchema, name: string): fc.Arbitrary<unknown> {
  const property = findProperty(schema, name)
  if (property === undefined) throw new Error(`the input schema has no parameter ${name}`)
  return schemaArbitrary(withoutNull(property))
}

function findProperty(schema: JsonSchema, name: string): JsonSchema | undefined {
  const own = schema.properties?.[name]
  if (own !== undefined) return own
  for (const branch of [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])]) {
    const found = findProperty(branch, name)
    if (found !== undefined) return found
  }
  return undefined
}

function withoutNull(schema: JsonSchema): JsonSchema {
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((type) => type !== 'null')
    const out: JsonSchema = { ...schema, type: types.length === 1 ? (types[0] as string) : types }
    if (out.enum !== undefined) out.enum = out.enum.filter((value) => value !== null)
    return out
  }
  const branches = schema.anyOf?.filter((branch) => branch.type !== 'null')
  if (branches?.length === 1) return branches[0] as JsonSchema
  return schema
}
