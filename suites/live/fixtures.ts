// The resources the seed operations need, found through list endpoints or created (tagged and
// written to the ledger). What cannot be found is reported, and the properties needing it say so.
import { judgeAnswer } from '../../contracts/seam-errors.ts'
import { expectSuccess, type Finding, LiveFinding } from './findings.ts'
import { type LiveRun, record } from './run-context.ts'

export type Fixtures = {
  userIdentityId?: string
  /** The key the run gave its own user identity (absent for one it was told to use). */
  userIdentityKey?: string
  deviceIds: string[]
  acsSystemId?: string
  acsEntranceIds: string[]
  /** An ACS user of the run's own, on the ACS system. */
  acsUserIds: string[]
}

export type FixtureResult = { fixtures: Fixtures; findings: Finding[] }

export async function findFixtures(run: LiveRun, hints: { userIdentityId?: string }): Promise<FixtureResult> {
  const findings: Finding[] = []
  const attempt = async <T>(step: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await step()
    } catch (error) {
      if (!(error instanceof LiveFinding)) throw error
      findings.push({ ...error.finding, property: 'fixtures' })
      return undefined
    }
  }
  const ids = async (path: string, key: string, idField: string, body: Record<string, unknown> = {}) =>
    (await attempt(async () => {
      const json = expectSuccess(await run.client.call(path, body), { namesOnlyExistingResources: true })
      const items = (json as Record<string, unknown> | undefined)?.[key]
      return Array.isArray(items)
        ? items.map((item) => String((item as Record<string, unknown>)[idField]))
        : []
    })) ?? []

  const deviceIds = (await ids('/devices/list', 'devices', 'device_id')).slice(0, 3)
  const acsSystemId = (await ids('/acs/systems/list', 'acs_systems', 'acs_system_id'))[0]
  const acsEntranceIds =
    acsSystemId === undefined
      ? []
      : (
          await ids('/acs/entrances/list', 'acs_entrances', 'acs_entrance_id', { acs_system_id: acsSystemId })
        ).slice(0, 2)
  const created = await attempt(() => createUserIdentity(run))
  const userIdentityId = created?.id ?? hints.userIdentityId
  const acsUserId =
    acsSystemId === undefined ? undefined : await attempt(() => createAcsUser(run, acsSystemId))
  return {
    fixtures: {
      deviceIds,
      acsEntranceIds,
      acsUserIds: acsUserId === undefined ? [] : [acsUserId],
      ...(acsSystemId === undefined ? {} : { acsSystemId }),
      ...(userIdentityId === undefined ? {} : { userIdentityId }),
      ...(created === undefined ? {} : { userIdentityKey: created.key }),
    },
    findings,
  }
}

/** Real IDs by parameter name, for the generators (contracts/arbitraries/bound-ids.ts). */
export function idBindings(fixtures: Fixtures): Record<string, string[]> {
  const one = (id: string | undefined) => (id === undefined ? [] : [id])
  return {
    device_id: fixtures.deviceIds,
    acs_system_id: one(fixtures.acsSystemId),
    acs_entrance_id: fixtures.acsEntranceIds,
    acs_user_id: fixtures.acsUserIds,
    user_identity_id: one(fixtures.userIdentityId),
    user_identity_key: one(fixtures.userIdentityKey),
  }
}

/** An ACS user of the run's own: what add_acs_user and entrance grants act on. */
async function createAcsUser(run: LiveRun, acsSystemId: string): Promise<string> {
  const answer = await run.client.call('/acs/users/create', {
    acs_system_id: acsSystemId,
    full_name: `${run.runTag} acs user`,
  })
  const json = expectSuccess(answer, { namesOnlyExistingResources: true })
  const id = (json as { acs_user?: { acs_user_id?: unknown } }).acs_user?.acs_user_id
  if (typeof id !== 'string') {
    throw new LiveFinding({
      kind: 'violation',
      operation: answer.path,
      detail: 'no acs_user.acs_user_id in a 200',
    })
  }
  record(run, { kind: 'acs_user', id, undo: { path: '/acs/users/delete', body: { acs_user_id: id } } })
  return id
}

/** A user identity of the run's own, so its grants start from nothing and end with it. */
async function createUserIdentity(run: LiveRun): Promise<{ id: string; key: string }> {
  const key = `${run.runTag}-identity`
  const answer = await run.client.call('/user_identities/create', {
    user_identity_key: key,
    full_name: `${run.runTag} identity`,
  })
  const json = expectSuccess(answer, { namesOnlyExistingResources: true })
  const id = (json as { user_identity?: { user_identity_id?: unknown } }).user_identity?.user_identity_id
  if (typeof id !== 'string') {
    throw new LiveFinding({
      kind: 'violation',
      operation: answer.path,
      detail: 'no user_identity.user_identity_id in a 200',
    })
  }
  record(run, {
    kind: 'user_identity',
    id,
    undo: { path: '/user_identities/delete', body: { user_identity_id: id } },
  })
  return { id, key }
}

/** Whether the target has an operation at all: an empty body gets a 400 (or more) where it does. */
export async function probeOperation(run: LiveRun, path: string): Promise<void> {
  const answer = await run.client.call(path, {})
  const verdict = judgeAnswer(answer, { namesOnlyExistingResources: false })
  if (verdict.kind === 'operation_missing' || verdict.kind === 'target_failure') {
    throw new LiveFinding({
      kind: verdict.kind,
      operation: path,
      detail: verdict.reason,
      ...(answer.requestId === undefined ? {} : { requestId: answer.requestId }),
    })
  }
}
