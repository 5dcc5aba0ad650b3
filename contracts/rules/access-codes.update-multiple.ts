import { timeWindow } from './time-window.ts'
import type { EndpointRules } from './types.ts'

const validity = timeWindow({ starts: 'starts_at', ends: 'ends_at', iso: true })

export const accessCodesUpdateMultiple = {
  path: '/access_codes/update_multiple',
  prose: [...validity.prose],
  statedIn: ['ends_at'],
  valid: validity.valid,
  checks: validity.checks,
  invalid: validity.invalid,
} satisfies EndpointRules
