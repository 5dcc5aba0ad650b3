import { timeWindowRules } from './time-window.ts'

// The same rules, stated alike in each of these paths' descriptions.
const rulesAt = (path: string) => timeWindowRules(path, { starts: 'starts_at', ends: 'ends_at', iso: true })

export const accessCodesCreate = rulesAt('/access_codes/create')
export const accessCodesCreateMultiple = rulesAt('/access_codes/create_multiple')
export const accessCodesUpdate = rulesAt('/access_codes/update')
export const accessCodesUpdateMultiple = rulesAt('/access_codes/update_multiple')
