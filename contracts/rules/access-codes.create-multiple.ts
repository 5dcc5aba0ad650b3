import { timeWindow } from './time-window.ts'
import type { EndpointRules } from './types.ts'

const validity = timeWindow({ starts: 'starts_at', ends: 'ends_at', iso: true })

export const accessCodesCreateMultiple = {
  path: '/access_codes/create_multiple',
  prose: [...validity.prose],
  statedIn: ['ends_at'],
  valid: validity.valid,
  checks: validity.checks,
  invalid: validity.invalid,
} satisfies EndpointRules
