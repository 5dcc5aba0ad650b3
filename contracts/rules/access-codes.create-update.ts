import { timeWindow } from './time-window.ts'
import type { EndpointRules } from './types.ts'

const validity = timeWindow({ starts: 'starts_at', ends: 'ends_at', iso: true })

/** The same rules, stated alike in each of these paths' descriptions. */
function rulesAt(path: string) {
  return {
    path,
    prose: [...validity.prose],
    statedIn: ['ends_at'],
    valid: validity.valid,
    checks: validity.checks,
    invalid: validity.invalid,
  } satisfies EndpointRules
}

export const accessCodesCreate = rulesAt('/access_codes/create')
export const accessCodesCreateMultiple = rulesAt('/access_codes/create_multiple')
export const accessCodesUpdate = rulesAt('/access_codes/update')
export const accessCodesUpdateMultiple = rulesAt('/access_codes/update_multiple')
