import { timeWindowRules } from './time-window.ts'

export const acsUsersCreate = timeWindowRules('/acs/users/create', {
  at: 'access_schedule',
  starts: 'starts_at',
  ends: 'ends_at',
})
