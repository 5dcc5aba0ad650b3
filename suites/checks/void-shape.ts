import { isSuccess, isPlainObject } from '../../contracts/json.ts'
import type { Check, Finding } from './types.ts'

/**
 * A void operation answers `{"ok": true}` and nothing its 200 schema does not document: the
 * seed void operations document only `ok`, while some others also carry e.g. an `action_attempt`.
 */
export const voidShape = {
  name: 'void_shape',
  severity: 'critical',
  area: 'shape',
  answers: 'success',
  description: 'A void operation answers {"ok": true} plus only what its 200 schema documents.',
  appliesTo: (operation) => operation.result.kind === 'void',
  run: ({ operation }, { response }) => {
    if (!isSuccess(response.status)) return []
    const body = response.json
    if (!isPlainObject(body)) {
      return [{ message: `body is ${JSON.stringify(body) ?? 'empty'}, expected {"ok": true}` }]
    }
    const violations: Finding[] = []
    if (body.ok !== true)
      violations.push({
        message: `"ok" is ${JSON.stringify(body.ok) ?? 'missing'}, expected true`,
      })
    const documented = new Set(Object.keys(operation.responses['200']?.schema?.properties ?? { ok: true }))
    for (const key of Object.keys(body)) {
      if (!documented.has(key)) violations.push({ message: `undocumented key "${key}" in a void response` })
    }
    return violations
  },
} satisfies Check
