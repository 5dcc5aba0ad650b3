// Every endpoint with rules beyond its schema, by path: the five seed endpoints, and every path
// whose description or parameters state a rule in words (found by ./prose-scan.ts; the rules test
// holds each statement to a file here or to ./not-rules.ts).
import type { Payload } from '../request.ts'
import { accessCodesReportDeviceConstraints } from './access-codes.report-device-constraints.ts'
import { accessGrantsCreate } from './access-grants.create.ts'
import { accessGrantsUpdate } from './access-grants.update.ts'
import { acsCredentialProvisioningAutomationsLaunch } from './acs-credential-provisioning-automations.launch.ts'
import { acsCredentialsCreate } from './acs-credentials.create.ts'
import { acsCredentialsCreateOfflineCode } from './acs-credentials.create-offline-code.ts'
import { acsCredentialsUpdate } from './acs-credentials.update.ts'
import { acsEncodersEncodeCredential } from './acs-encoders.encode-credential.ts'
import { acsEncodersScanToAssignCredential } from './acs-encoders.scan-to-assign-credential.ts'
import { acsEntrancesGrantAccess } from './acs-entrances.grant-access.ts'
import { acsUsersCreate } from './acs-users.create.ts'
import { acsUsersDelete } from './acs-users.delete.ts'
import { acsUsersGet } from './acs-users.get.ts'
import { acsUsersUpdate } from './acs-users.update.ts'
import { eventsList } from './events.list.ts'
import { locksConfigureAutoLock } from './locks.configure-auto-lock.ts'
import { seamCustomerV1EventsList } from './seam-customer-v1-events.list.ts'
import { seamCustomerV1ReservationsGet } from './seam-customer-v1-reservations.get.ts'
import { seamCustomerV1ReservationsList } from './seam-customer-v1-reservations.list.ts'
import { seamCustomerV1ReservationsListAccessGrants } from './seam-customer-v1-reservations.list-access-grants.ts'
import { thermostatsCool } from './thermostats.cool.ts'
import { thermostatsHeat } from './thermostats.heat.ts'
import { thermostatsHeatCool } from './thermostats.heat-cool.ts'
import { thermostatsSetHvacMode } from './thermostats.set-hvac-mode.ts'
import { thermostatsSetTemperatureThreshold } from './thermostats.set-temperature-threshold.ts'
import { thermostatsSimulateHvacModeAdjusted } from './thermostats-simulate.hvac-mode-adjusted.ts'
import { thermostatsSimulateTemperatureReached } from './thermostats-simulate.temperature-reached.ts'
import { accessCodesGet, accessCodesUnmanagedGet } from './access-codes.get.ts'
import {
  accessCodesCreate,
  accessCodesCreateMultiple,
  accessCodesUpdate,
  accessCodesUpdateMultiple,
} from './access-codes.create-update.ts'
import {
  acsAccessGroupsAddUser,
  acsCredentialsAssign,
  acsCredentialsUnassign,
  acsUsersRemoveFromAccessGroup,
} from './acs-assignments.ts'
import { acsUsersListAccessibleEntrances, acsUsersRevokeAccessToAllEntrances } from './acs-users.entrances.ts'
import { acsUsersSuspend, acsUsersUnsuspend } from './acs-users.suspend-unsuspend.ts'
import { devicesGet, devicesUnmanagedGet } from './devices.get.ts'
import type { EndpointRules } from './types.ts'
import { addAcsUser } from './user-identities.add-acs-user.ts'
import { grantAccessToDevice } from './user-identities.grant-access-to-device.ts'
import { revokeAccessToDevice } from './user-identities.revoke-access-to-device.ts'
import { userIdentitiesEnrollmentAutomationsLaunch } from './user-identities-enrollment-automations.launch.ts'

const SEEDS: EndpointRules[] = [
  grantAccessToDevice,
  revokeAccessToDevice,
  accessGrantsCreate,
  acsEntrancesGrantAccess,
  addAcsUser,
]

/** The paths whose descriptions state a rule, beyond the seed endpoints (issue 15, part 2). */
const STATED: EndpointRules[] = [
  accessCodesCreate,
  accessCodesCreateMultiple,
  accessCodesGet,
  accessCodesReportDeviceConstraints,
  accessCodesUnmanagedGet,
  accessCodesUpdate,
  accessCodesUpdateMultiple,
  accessGrantsUpdate,
  acsAccessGroupsAddUser,
  acsCredentialProvisioningAutomationsLaunch,
  acsCredentialsAssign,
  acsCredentialsCreate,
  acsCredentialsCreateOfflineCode,
  acsCredentialsUnassign,
  acsCredentialsUpdate,
  acsEncodersEncodeCredential,
  acsEncodersScanToAssignCredential,
  acsUsersCreate,
  acsUsersDelete,
  acsUsersGet,
  acsUsersListAccessibleEntrances,
  acsUsersRemoveFromAccessGroup,
  acsUsersRevokeAccessToAllEntrances,
  acsUsersSuspend,
  acsUsersUnsuspend,
  acsUsersUpdate,
  devicesGet,
  devicesUnmanagedGet,
  eventsList,
  locksConfigureAutoLock,
  seamCustomerV1EventsList,
  seamCustomerV1ReservationsGet,
  seamCustomerV1ReservationsList,
  seamCustomerV1ReservationsListAccessGrants,
  thermostatsCool,
  thermostatsHeat,
  thermostatsHeatCool,
  thermostatsSetHvacMode,
  thermostatsSetTemperatureThreshold,
  thermostatsSimulateHvacModeAdjusted,
  thermostatsSimulateTemperatureReached,
  userIdentitiesEnrollmentAutomationsLaunch,
]

export const ALL_RULES: readonly EndpointRules[] = [...SEEDS, ...STATED]

const byPath = new Map(ALL_RULES.map((rules) => [rules.path, rules]))

export function rulesFor(path: string): EndpointRules | undefined {
  return byPath.get(path)
}

/** Every prose rule of the path the parameters break, worded as its check words it. */
export function proseViolations(path: string, parameters: Payload, now: Date): string[] {
  const rules = rulesFor(path)
  if (rules === undefined) return []
  if (rules.violations !== undefined) return rules.violations(parameters, now)
  const checks = [...(rules.violation === undefined ? [] : [rules.violation]), ...(rules.checks ?? [])]
  return checks.flatMap((check) => check(parameters, now) ?? [])
}

export type { EndpointRules }
