// Every endpoint with rules beyond its schema, by path.
import type { Payload } from '../request.ts'
import { accessGrantsCreate } from './access-grants.create.ts'
import { acsEntrancesGrantAccess } from './acs-entrances.grant-access.ts'
import type { EndpointRules } from './types.ts'
import { addAcsUser } from './user-identities.add-acs-user.ts'
import { grantAccessToDevice } from './user-identities.grant-access-to-device.ts'
import { revokeAccessToDevice } from './user-identities.revoke-access-to-device.ts'

const SEEDS: EndpointRules[] = [
  grantAccessToDevice,
  revokeAccessToDevice,
  accessGrantsCreate,
  acsEntrancesGrantAccess,
  addAcsUser,
]

export const ALL_RULES: readonly EndpointRules[] = [...SEEDS]

const byPath = new Map(ALL_RULES.map((rules) => [rules.path, rules]))

export function rulesFor(path: string): EndpointRules | undefined {
  return byPath.get(path)
}

/** Every prose rule of the path the parameters break, worded as its check words it. */
export function proseViolations(path: string, parameters: Payload, now: Date): string[] {
  const rules = rulesFor(path)
  if (rules === undefined) return []
  const checks = [...(rules.violation === undefined ? [] : [rules.violation]), ...(rules.checks ?? [])]
  return checks.flatMap((check) => check(parameters, now) ?? [])
}

export type { EndpointRules }
