import { escapePointer } from '../../contracts/operations.ts'
import { isPlainObject, isSuccess } from '../../contracts/json.ts'
import { keptVerdicts } from './kept-verdicts.ts'
import type { Check, Finding } from './types.ts'

const validated = keptVerdicts()

/**
 * An object operation answers `{"<x-response-key>": <resource>, "ok": true}`: what the SDKs unwrap
 * must be there (when the 200 schema requires it) and must match its own schema.
 */
export const objectShape = {
  name: 'object_shape',
  severity: 'critical',
  area: 'shape',
  answers: 'success',
  description: 'An object operation holds its resource under its x-response-key, matching its schema.',
  appliesTo: (operation) => operation.result.kind === 'object',
  run: ({ operation, validators }, { response }) => {
    const result = operation.result
    if (result.kind !== 'object' || !isSuccess(response.status)) return []
    const body = response.json
    const violation = (message: string): Finding => ({ message })
    if (!isPlainObject(body)) return [violation(`body is not an object: ${JSON.stringify(body) ?? 'empty'}`)]
    const violations: Finding[] = []
    if (body.ok !== true)
      violations.push(violation(`"ok" is ${JSON.stringify(body.ok) ?? 'missing'}, expected true`))
    const documented = operation.responses['200']
    if (!(result.key in body)) {
      const required = documented?.schema?.required?.includes(result.key) === true
      return required
        ? [...violations, violation(`no "${result.key}" key: the resource is not wrapped`)]
        : violations
    }
    if (documented?.pointer === undefined) return violations
    const validate = validators.pointer(`${documented.pointer}/properties/${escapePointer(result.key)}`)
    for (const error of validated(validate, response.text, () => body[result.key])) {
      const message = `${result.key}${error.path === '(root)' ? '' : error.path} ${error.message}`
      violations.push({ message, ...(error.spec === undefined ? {} : { spec: error.spec }) })
    }
    return violations
  },
} satisfies Check
