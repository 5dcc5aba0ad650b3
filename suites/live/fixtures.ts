// The resources the seed operations need, found through list endpoints or created (tagged and
// written to the ledger). What cannot be found is reported, and the properties needing it say so.
import { judgeAnswer } from '../../contracts/seam-errors.ts'
import { expectSuccess, type Finding, LiveFinding } from './findings.ts'
import { type LiveRun, record } from './run-context.ts'

export type Fixtures = {
  userIdentityId?: string
  deviceIds: string[]
  acsSystemId?: string
  acsEntranceIds: string[]
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
  const userIdentityId = (await attempt(() => createUserIdentity(run))) ?? hints.userIdentityId
  return {
    fixtures: {
      deviceIds,
      acsEntranceIds,
      ...(acsSystemId === undefined ? {} : { acsSystemId }),
      ...(userIdentityId === undefined ? {} : { userIdentityId }),
    },
    findings,
  }
}

/** A user identity of the run's own, so its grants start from nothing and end with it. */
async function createUserIdentity(run: LiveRun): Promise<string> {
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
  return id
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
