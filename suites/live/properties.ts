// The stateful properties: what a sequence of seed operations must do to a real workspace. Each
// says what input fast-check generates, how a case runs against the workspace (./trace.ts records
// what it did), and how the model judges what it observed. The engine runs them
// (./stateful-plan.ts): the same seeds, budgets, shrinking and events as every other check.
import fc from 'fast-check'

import { expectNotFound, expectSuccess, LiveFinding, type StepFinding } from './findings.ts'
import type { Fixtures } from './fixtures.ts'
import type { LiveExchange } from './live-client.ts'
import { type LiveRun, record } from './run-context.ts'
import { findingsOf } from './trace.ts'

export type LiveProperty<Input = unknown, Facts = unknown> = {
  name: string
  /** The rule, as the failure report states it. */
  description: string
  /** The documented operations it uses; one the target lacks is reported as operation_missing. */
  operations: string[]
  /** The fixtures it needs, by name, for the report when one is missing. */
  needs: Array<keyof Fixtures>
  /** At most this many cases: each is a sequence of real requests to a real workspace. */
  runs?: number
  /** Plain data, so the engine can key, replay and shrink it. */
  input(fixtures: Fixtures): fc.Arbitrary<Input>
  /** Runs one case; a step that cannot go on throws its LiveFinding. */
  execute(run: LiveRun, fixtures: Fixtures, input: Input): Promise<Facts>
  /** What the model finds wrong with what the case observed: pure. */
  judge(facts: Facts): StepFinding[]
}

const EXISTING = { namesOnlyExistingResources: true }

// ---- grant / revoke / list_accessible_devices, model-based: a sequence of commands, then the model

/** A command on one of the run's devices, picked by index so shrinking keeps it valid. */
type Command = { action: 'grant' | 'revoke'; device: number }
type AccessStep = { action: Command['action']; deviceId: string; accessible: string[] }
type AccessFacts = { initial: string[]; steps: AccessStep[] }

async function accessibleDevices(run: LiveRun, userIdentityId: string, devices: string[]) {
  const json = expectSuccess(
    await run.client.call('/user_identities/list_accessible_devices', { user_identity_id: userIdentityId }),
    EXISTING,
  )
  const listed = (json as { devices?: Array<{ device_id?: unknown }> }).devices ?? []
  // Only the run's fixture devices count: the identity may reach others through other grants.
  return listed
    .map((device) => String(device.device_id))
    .filter((id) => devices.includes(id))
    .sort()
}

const deviceAccess: LiveProperty<Command[], AccessFacts> = {
  name: 'grant_then_accessible_revoke_then_not',
  description:
    'after each grant or revoke, list_accessible_devices shows exactly the devices granted (granting twice is harmless)',
  operations: [
    '/user_identities/grant_access_to_device',
    '/user_identities/revoke_access_to_device',
    '/user_identities/list_accessible_devices',
  ],
  needs: ['userIdentityId', 'deviceIds'],
  input: (fixtures) => {
    const command = fc.record({
      action: fc.constantFrom('grant' as const, 'revoke' as const),
      device: fc.nat({ max: fixtures.deviceIds.length - 1 }),
    })
    // Granting twice in a row is among the sequences, so "harmless" is checked by the model.
    return fc.array(command, { maxLength: 6 })
  },
  async execute(run, fixtures, commands) {
    const userIdentityId = fixtures.userIdentityId as string
    const devices = fixtures.deviceIds
    const initial = await accessibleDevices(run, userIdentityId, devices)
    const steps: AccessStep[] = []
    for (const { action, device } of commands) {
      const deviceId = devices[device % devices.length] as string
      const body = { user_identity_id: userIdentityId, device_id: deviceId }
      if (action === 'grant') {
        record(run, {
          kind: 'device_access',
          id: `${userIdentityId}/${deviceId}`,
          undo: { path: '/user_identities/revoke_access_to_device', body },
        })
      }
      expectSuccess(await run.client.call(`/user_identities/${action}_access_to_device`, body), EXISTING)
      steps.push({ action, deviceId, accessible: await accessibleDevices(run, userIdentityId, devices) })
    }
    return { initial, steps }
  },
  judge({ initial, steps }) {
    // The model starts from what the identity could reach before the sequence.
    const granted = new Set(initial)
    for (const { action, deviceId, accessible } of steps) {
      if (action === 'grant') granted.add(deviceId)
      else granted.delete(deviceId)
      const expected = [...granted].sort()
      if (JSON.stringify(accessible) !== JSON.stringify(expected)) {
        return [
          {
            kind: 'violation',
            operation: '/user_identities/list_accessible_devices',
            detail: `after ${action} ${deviceId}: accessible devices ${JSON.stringify(accessible)}, expected ${JSON.stringify(expected)}`,
          },
        ]
      }
    }
    return []
  },
}

// ---- add_acs_user / list_acs_users

type AcsUserFacts = { acsUserId: string; times: number; listed: unknown[] }

const acsUserLink: LiveProperty<number, AcsUserFacts> = {
  name: 'add_acs_user_then_listed',
  description: "an ACS user added to a user identity, once or twice, is among the identity's ACS users",
  operations: ['/acs/users/create', '/user_identities/add_acs_user', '/user_identities/list_acs_users'],
  needs: ['userIdentityId', 'acsSystemId'],
  runs: 3,
  // Adding once or twice must end the same way.
  input: () => fc.integer({ min: 1, max: 2 }),
  async execute(run, fixtures, times) {
    const userIdentityId = fixtures.userIdentityId as string
    const acsUserId = await createAcsUser(run, fixtures.acsSystemId as string)
    expectSuccess(await run.client.call('/acs/users/get', { acs_user_id: acsUserId }), EXISTING)
    for (let i = 0; i < times; i++) {
      const body = { user_identity_id: userIdentityId, acs_user_id: acsUserId }
      expectSuccess(await run.client.call('/user_identities/add_acs_user', body), EXISTING)
    }
    const listed = expectSuccess(
      await run.client.call('/user_identities/list_acs_users', { user_identity_id: userIdentityId }),
      EXISTING,
    )
    const users = (listed as { acs_users?: Array<{ acs_user_id?: unknown }> }).acs_users ?? []
    return { acsUserId, times, listed: users.map((user) => user.acs_user_id) }
  },
  judge: ({ acsUserId, times, listed }) =>
    listed.includes(acsUserId)
      ? []
      : [
          {
            kind: 'violation',
            operation: '/user_identities/list_acs_users',
            detail: `ACS user ${acsUserId} added ${times} time(s) is not among the identity's ACS users`,
          },
        ],
}

async function createAcsUser(run: LiveRun, acsSystemId: string): Promise<string> {
  const answer = await run.client.call('/acs/users/create', {
    acs_system_id: acsSystemId,
    full_name: `${run.runTag} guest`,
  })
  const json = expectSuccess(answer, EXISTING)
  const id = (json as { acs_user?: { acs_user_id?: unknown } }).acs_user?.acs_user_id
  if (typeof id !== 'string')
    throw new LiveFinding({
      kind: 'violation',
      operation: answer.path,
      detail: 'no acs_user.acs_user_id in a 200',
    })
  record(run, { kind: 'acs_user', id, undo: { path: '/acs/users/delete', body: { acs_user_id: id } } })
  return id
}

// ---- access_grants/create, get, delete

type Window = { starts_at: string; ends_at: string }
type Grant = Record<string, unknown> | undefined
type GrantFacts = { created: Grant; got: Grant; gotAnswer: LiveExchange; afterDelete: LiveExchange }

const COMPARED = ['access_grant_id', 'user_identity_id', 'starts_at', 'ends_at'] as const

const accessGrantLifecycle: LiveProperty<Window, GrantFacts> = {
  name: 'access_grant_create_get_delete',
  description: 'an access grant reads back as created, and is not found once deleted',
  operations: ['/access_grants/create', '/access_grants/get', '/access_grants/delete'],
  needs: ['userIdentityId', 'deviceIds'],
  runs: 3,
  input: () => {
    const nextYear = new Date().getUTCFullYear() + 1
    return fc
      .tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 30 }))
      .map(([startDay, days]) => {
        const starts = Date.UTC(nextYear, 0, 1) + startDay * 86_400_000
        return {
          starts_at: new Date(starts).toISOString(),
          ends_at: new Date(starts + days * 86_400_000).toISOString(),
        }
      })
  },
  async execute(run, fixtures, dates) {
    const body = {
      user_identity_id: fixtures.userIdentityId,
      device_ids: [fixtures.deviceIds[0]],
      requested_access_methods: [{ mode: 'code' }],
      ...dates,
    }
    const createdAnswer = await run.client.call('/access_grants/create', body)
    const created = (expectSuccess(createdAnswer, EXISTING) as { access_grant?: Grant }).access_grant
    const id = created?.access_grant_id
    if (typeof id !== 'string')
      throw new LiveFinding({
        kind: 'violation',
        operation: createdAnswer.path,
        detail: 'no access_grant.access_grant_id in a 200',
      })
    record(run, {
      kind: 'access_grant',
      id,
      undo: { path: '/access_grants/delete', body: { access_grant_id: id } },
    })
    // A 404 here is a violation: the run has just created it.
    const gotAnswer = await run.client.call('/access_grants/get', { access_grant_id: id })
    const got = (expectSuccess(gotAnswer, EXISTING) as { access_grant?: Grant }).access_grant
    expectSuccess(await run.client.call('/access_grants/delete', { access_grant_id: id }), EXISTING)
    const afterDelete = await run.client.call('/access_grants/get', { access_grant_id: id })
    return { created, got, gotAnswer, afterDelete }
  },
  judge({ created, got, gotAnswer, afterDelete }) {
    const differs = COMPARED.find(
      (field) => JSON.stringify(got?.[field]) !== JSON.stringify(created?.[field]),
    )
    if (differs !== undefined) {
      return [
        {
          kind: 'violation',
          operation: gotAnswer.path,
          detail: `${differs} differs from what create returned`,
          ...(gotAnswer.requestId === undefined ? {} : { requestId: gotAnswer.requestId }),
        },
      ]
    }
    return findingsOf(() => expectNotFound(afterDelete, 'an access grant the run deleted'))
  },
}

// ---- the overlay: an ID the run never created is a 404 `…_not_found`

const neverCreated: LiveProperty<string, { answer: LiveExchange }> = {
  name: 'never_created_id_is_not_found',
  description: 'an ID the run never created is a 404 …_not_found',
  operations: ['/acs/users/get'],
  needs: [],
  runs: 3,
  input: () => fc.uuid({ version: 4 }),
  execute: async (run, _fixtures, id) => ({
    answer: await run.client.call('/acs/users/get', { acs_user_id: id }),
  }),
  judge: ({ answer }) => findingsOf(() => expectNotFound(answer, 'an ACS user the run never created')),
}

export const LIVE_PROPERTIES: LiveProperty[] = [deviceAccess, acsUserLink, accessGrantLifecycle, neverCreated]
