import { isPlainObject, isSuccess } from './json.ts'
import type { Check, Violation } from './types.ts'

/** An object operation answers `{"<x-response-key>": <resource>, "ok": true}`. */
export const objectShape = {
  name: 'object_shape',
  description: 'An object operation holds its resource under its x-response-key, matching its schema.',
  appliesTo: (operation) => operation.result.kind === 'object',
  run: ({ operation, validators }, { response }) => {
    const result = operation.result
    if (result.kind !== 'object' || !isSuccess(response.status)) return []
    const body = response.json
    const violation = (message: string): Violation => ({ check: 'object_shape', message })
    if (!isPlainObject(body)) return [violation(`body is not an object: ${JSON.stringify(body) ?? 'empty'}`)]
    const violations: Violation[] = []
    if (body.ok !== true)
      violations.push(violation(`"ok" is ${JSON.stringify(body.ok) ?? 'missing'}, expected true`))
    if (!(result.key in body))
      return [...violations, violation(`no "${result.key}" key: the resource is not wrapped`)]
    const held = body[result.key]
    const isArray = Array.isArray(held)
    if (result.holds === 'array' ? !isArray : !isPlainObject(held)) {
      violations.push(
        violation(
          `"${result.key}" holds ${isArray ? 'an array' : typeof held}, expected ${result.holds === 'array' ? 'an array' : 'an object'}`,
        ),
      )
      return violations
    }
    const schema = operation.responses['200']?.schema?.properties?.[result.key]
    if (schema !== undefined) {
      for (const error of validators.schema(schema)(held)) {
        violations.push(
          violation(`${result.key}${error.path === '(root)' ? '' : error.path} ${error.message}`),
        )
      }
    }
    return violations
  },
} satisfies Check
