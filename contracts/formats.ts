// Whether a value fits a JSON Schema `format`, by the same definitions Ajv validates with.
import { fullFormats } from 'ajv-formats/dist/formats.js'

type Definition = RegExp | ((value: string) => boolean) | { validate?: RegExp | ((value: string) => boolean) }

/** True when the format is unknown or the value is not a string: only strings carry formats here. */
export function formatAccepts(format: string, value: unknown): boolean {
  const definition = (fullFormats as Record<string, Definition | undefined>)[format]
  if (definition === undefined || typeof value !== 'string') return true
  const check =
    definition instanceof RegExp || typeof definition === 'function' ? definition : definition.validate
  if (check === undefined) return true
  return check instanceof RegExp ? check.test(value) : check(value)
}
