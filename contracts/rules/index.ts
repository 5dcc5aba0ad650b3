// Every endpoint with rules beyond its schema, by path.
import { accessGrantsCreate } from './access-grants.create.ts'
import { acsEntrancesGrantAccess } from './acs-entrances.grant-access.ts'
import type { Payload } from '../request.ts'
import type { EndpointRules } from './types.ts'
import { addAcsUser } from './user-identities.add-acs-user.ts'
import { grantAccessToDevice } from './user-identities.grant-access-to-device.ts'
import { revokeAccessToDevice } from './user-identities.revoke-access-to-device.ts'

const ALL: EndpointRules[] = [
  grantAccessToDevice,
  revokeAccessToDevice,
  accessGrantsCreate,
  acsEntrancesGrantAccess,
  addAcsUser,
]

const byPath = new Map(ALL.map((rules) => [rules.path, rules]))

export function rulesFor(path: string): EndpointRules | undefined {
  return byPath.get(path)
}

/** Every prose rule of the path that the parameters break; none for a path without rules. */
export function proseViolations(path: string, parameters: Payload, now: Date): string[] {
  const rules = rulesFor(path)
  if (rules?.violations !== undefined) return rules.violations(parameters, now)
  const first = rules?.violation?.(parameters, now)
  return first === undefined ? [] : [first]
}

export type { EndpointRules }
