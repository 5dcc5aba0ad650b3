import { timeWindow } from './time-window.ts'
import type { EndpointRules } from './types.ts'

const schedule = timeWindow({ at: 'access_schedule', starts: 'starts_at', ends: 'ends_at' })

export const acsUsersCreate = {
  path: '/acs/users/create',
  prose: [...schedule.prose],
  statedIn: ['access_schedule'],
  valid: schedule.valid,
  checks: schedule.checks,
  invalid: schedule.invalid,
} satisfies EndpointRules
