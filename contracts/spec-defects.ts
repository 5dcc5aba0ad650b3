// Violations that come from the spec itself, not from a server. A server that answers what the spec
// itself shows (its own example, default or enum value, where that breaks the spec's schema), or
// leaves out a property the spec requires but never defines, or sends a value two overlapping oneOf
// branches both fit, cannot be blamed for it: such an error is the spec's, and the run reports it
// as a `spec` finding apart from the server's violations.
import { isDeepStrictEqual } from 'node:util'

import type { JsonSchema } from './json-schema.ts'

/** What Ajv says about one broken keyword, with `verbose`: the schema around it and the value. */
export type KeywordError = {
  keyword: string
  params: Record<string, unknown>
  parentSchema?: unknown
  data?: unknown
}

/** Why a validation error is the spec's own doing, or undefined when the value is to blame. */
export function specDefectOf(error: KeywordError): string | undefined {
  const schema = error.parentSchema as JsonSchema | undefined
  if (typeof schema !== 'object' || schema === null) return undefined
  if (error.keyword === 'required') {
    const name = error.params.missingProperty
    if (typeof name === 'string' && !definesProperty(schema, name))
      return `the spec requires "${name}" but never defines it`
  }
  if (error.keyword === 'oneOf' && Array.isArray(error.params.passingSchemas)) {
    return `the value fits oneOf branches ${error.params.passingSchemas.join(' and ')}: the spec's branches overlap`
  }
  for (const [source, values] of [
    ['example', 'example' in schema ? [schema.example] : []],
    ['default', 'default' in schema ? [schema.default] : []],
    ['enum value', error.keyword === 'enum' ? [] : (schema.enum ?? [])],
  ] as const) {
    if (values.some((value) => isDeepStrictEqual(value, error.data)))
      return `the value is the spec's own ${source}, which breaks its own schema (${error.keyword})`
  }
  return undefined
}

/** Whether a schema defines a property (or may, through parts it combines). */
export function definesProperty(schema: JsonSchema, name: string): boolean {
  // Where parts are combined, another part may define it: only a plain object schema is judged.
  if (schema.allOf !== undefined || schema.anyOf !== undefined || schema.oneOf !== undefined) return true
  return schema.properties === undefined || name in schema.properties
}
