import { timeWindowRules } from './time-window.ts'

export const acsCredentialsCreateOfflineCode = timeWindowRules('/acs/credentials/create_offline_code', {
  starts: 'starts_at',
  ends: 'ends_at',
})
