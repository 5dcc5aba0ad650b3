import { creatingOrNamingTheManagerUser } from './credential-manager-user.ts'
import type { EndpointRules } from './types.ts'

export const userIdentitiesEnrollmentAutomationsLaunch = creatingOrNamingTheManagerUser(
  '/user_identities/enrollment_automations/launch',
) satisfies EndpointRules
