import { creatingOrNamingTheManagerUser } from './credential-manager-user.ts'
import type { EndpointRules } from './types.ts'

export const acsCredentialProvisioningAutomationsLaunch = creatingOrNamingTheManagerUser(
  '/acs/credential_provisioning_automations/launch',
) satisfies EndpointRules
