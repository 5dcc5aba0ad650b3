// What a live answer says the run just created, as ledger entries: every create the safety table
// can undo, the grants and memberships the seed operations make, and whatever a target wrongly
// created for an invalid request. Written before the next request, so a killed run leaves them.
import type { Exchange } from '../../contracts/exchange.ts'
import { isPlainObject, isSuccess } from '../../contracts/json.ts'
import type { Operation } from '../../contracts/operations.ts'
import { safetyOf } from '../../contracts/safety.ts'
import type { LedgerEntry } from './ledger.ts'

export type Created = Omit<LedgerEntry, 'runTag' | 'createdAt'>

export function createdBy(
  operation: Operation,
  exchange: Exchange,
  fixtures: { userIdentityId?: string },
): Created[] {
  const response = exchange.response
  if (response === undefined || !isSuccess(response.status)) return []
  const answer = isPlainObject(response.json) ? response.json : {}
  const parameters =
    (isPlainObject(exchange.request.body) ? exchange.request.body : exchange.request.query) ?? {}
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined)
  const entries: Created[] = []
  const undo = safetyOf(operation)?.undo
  if (undo !== undefined) {
    const resource = answer[undo.resultKey]
    const id = isPlainObject(resource) ? text(resource[undo.idParameter]) : undefined
    if (id !== undefined)
      entries.push({ kind: undo.resultKey, id, undo: { path: undo.path, body: { [undo.idParameter]: id } } })
    // An access grant for a new person creates that user identity too.
    const identity = isPlainObject(resource) ? text(resource.user_identity_id) : undefined
    if (
      operation.path === '/access_grants/create' &&
      isPlainObject(parameters.user_identity) &&
      identity !== undefined
    )
      entries.push({
        kind: 'user_identity',
        id: identity,
        undo: { path: '/user_identities/delete', body: { user_identity_id: identity } },
      })
  }
  // The run's own identity, named by key or by ID: the undo needs its ID.
  const userIdentityId = text(parameters.user_identity_id) ?? fixtures.userIdentityId
  if (operation.path === '/user_identities/grant_access_to_device') {
    const deviceId = text(parameters.device_id)
    if (userIdentityId !== undefined && deviceId !== undefined)
      entries.push({
        kind: 'device_access',
        id: `${userIdentityId}/${deviceId}`,
        undo: {
          path: '/user_identities/revoke_access_to_device',
          body: { user_identity_id: userIdentityId, device_id: deviceId },
        },
      })
  }
  if (operation.path === '/user_identities/add_acs_user') {
    const acsUserId = text(parameters.acs_user_id)
    if (userIdentityId !== undefined && acsUserId !== undefined)
      entries.push({
        kind: 'acs_user_membership',
        id: `${userIdentityId}/${acsUserId}`,
        undo: {
          path: '/user_identities/remove_acs_user',
          body: { user_identity_id: userIdentityId, acs_user_id: acsUserId },
        },
      })
  }
  return entries
}
