// The stateful properties: what a sequence of seed operations must do to a real workspace. Each
// first checks that the target has the operations it uses, then runs fast-check against a model.
import fc from 'fast-check'

import { expectNotFound, expectSuccess, type Finding, LiveFinding } from './findings.ts'
import { type Fixtures, probeOperation } from './fixtures.ts'
import { type LiveRun, record } from './run-context.ts'

export type PropertyContext = { run: LiveRun; fixtures: Fixtures; seed: number; runs: number }

export type LiveProperty = {
  name: string
  /** The documented operations it uses; one the target lacks is reported as operation_missing. */
  operations: string[]
  /** The fixtures it needs, by name, for the report when one is missing. */
  needs: Array<keyof Fixtures>
  check(context: PropertyContext): Promise<void>
}

const EXISTING = { namesOnlyExistingResources: true }

// ---- grant / revoke / list_accessible_devices, as fast-check model-based commands

type AccessModel = { granted: Set<string> }
type AccessReal = { run: LiveRun; userIdentityId: string; devices: string[] }

async function accessibleDevices(real: AccessReal): Promise<Set<string>> {
  const json = expectSuccess(
    await real.run.client.call('/user_identities/list_accessible_devices', {
      user_identity_id: real.userIdentityId,
    }),
    EXISTING,
  )
  const devices = (json as { devices?: Array<{ device_id?: unknown }> }).devices ?? []
  // Only the run's fixture devices count: the identity may reach others through other grants.
  return new Set(devices.map((device) => String(device.device_id)).filter((id) => real.devices.includes(id)))
}

async function assertAccessible(model: AccessModel, real: AccessReal, after: string): Promise<void> {
  const actual = await accessibleDevices(real)
  const expected = [...model.granted].sort()
  if (JSON.stringify([...actual].sort()) !== JSON.stringify(expected)) {
    throw new LiveFinding({
      kind: 'violation',
      operation: '/user_identities/list_accessible_devices',
      detail: `after ${after}: accessible devices ${JSON.stringify([...actual].sort())}, expected ${JSON.stringify(expected)}`,
    })
  }
}

/** A command on one of the run's devices, picked by index so shrinking keeps it valid. */
abstract class DeviceCommand implements fc.AsyncCommand<AccessModel, AccessReal> {
  readonly device: number
  constructor(device: number) {
    this.device = device
  }
  check = () => true
  abstract run(model: AccessModel, real: AccessReal): Promise<void>
  protected deviceOf(real: AccessReal): { deviceId: string; body: Record<string, string> } {
    const deviceId = real.devices[this.device % real.devices.length] as string
    return { deviceId, body: { user_identity_id: real.userIdentityId, device_id: deviceId } }
  }
}

class GrantCommand extends DeviceCommand {
  async run(model: AccessModel, real: AccessReal) {
    const { deviceId, body } = this.deviceOf(real)
    record(real.run, {
      kind: 'device_access',
      id: `${real.userIdentityId}/${deviceId}`,
      undo: { path: '/user_identities/revoke_access_to_device', body },
    })
    expectSuccess(await real.run.client.call('/user_identities/grant_access_to_device', body), EXISTING)
    model.granted.add(deviceId)
    await assertAccessible(model, real, `grant ${deviceId}`)
  }
  override toString = () => `grant(${this.device})`
}

class RevokeCommand extends DeviceCommand {
  async run(model: AccessModel, real: AccessReal) {
    const { deviceId, body } = this.deviceOf(real)
    expectSuccess(await real.run.client.call('/user_identities/revoke_access_to_device', body), EXISTING)
    model.granted.delete(deviceId)
    await assertAccessible(model, real, `revoke ${deviceId}`)
  }
  override toString = () => `revoke(${this.device})`
}

const deviceAccess: LiveProperty = {
  name: 'grant_then_accessible_revoke_then_not',
  operations: [
    '/user_identities/grant_access_to_device',
    '/user_identities/revoke_access_to_device',
    '/user_identities/list_accessible_devices',
  ],
  needs: ['userIdentityId', 'deviceIds'],
  async check({ run, fixtures, seed, runs }) {
    const real: AccessReal = {
      run,
      userIdentityId: fixtures.userIdentityId as string,
      devices: fixtures.deviceIds,
    }
    const device = fc.nat({ max: real.devices.length - 1 })
    // Granting twice in a row is among the sequences, so "harmless" is checked by the model.
    const commands = fc.commands(
      [device.map((index) => new GrantCommand(index)), device.map((index) => new RevokeCommand(index))],
      { maxCommands: 6 },
    )
    await assertProperty(
      fc.asyncProperty(commands, async (sequence) => {
        const model: AccessModel = { granted: await accessibleDevices(real) }
        await fc.asyncModelRun(() => ({ model, real }), sequence)
      }),
      seed,
      runs,
    )
  },
}

// ---- add_acs_user / list_acs_users

const acsUserLink: LiveProperty = {
  name: 'add_acs_user_then_listed',
  operations: ['/acs/users/create', '/user_identities/add_acs_user', '/user_identities/list_acs_users'],
  needs: ['userIdentityId', 'acsSystemId'],
  async check({ run, fixtures, seed, runs }) {
    const userIdentityId = fixtures.userIdentityId as string
    // Adding once or twice must end the same way.
    await assertProperty(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 }), async (times) => {
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
        const ids = ((listed as { acs_users?: Array<{ acs_user_id?: unknown }> }).acs_users ?? []).map(
          (user) => user.acs_user_id,
        )
        if (!ids.includes(acsUserId)) {
          throw new LiveFinding({
            kind: 'violation',
            operation: '/user_identities/list_acs_users',
            detail: `ACS user ${acsUserId} added ${times} time(s) is not among the identity's ACS users`,
          })
        }
      }),
      seed,
      Math.min(runs, 3),
    )
  },
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

const accessGrantLifecycle: LiveProperty = {
  name: 'access_grant_create_get_delete',
  operations: ['/access_grants/create', '/access_grants/get', '/access_grants/delete'],
  needs: ['userIdentityId', 'deviceIds'],
  async check({ run, fixtures, seed, runs }) {
    const nextYear = new Date().getUTCFullYear() + 1
    const window = fc
      .tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 30 }))
      .map(([startDay, days]) => {
        const starts = Date.UTC(nextYear, 0, 1) + startDay * 86_400_000
        return {
          starts_at: new Date(starts).toISOString(),
          ends_at: new Date(starts + days * 86_400_000).toISOString(),
        }
      })
    await assertProperty(
      fc.asyncProperty(window, async (dates) => {
        const body = {
          user_identity_id: fixtures.userIdentityId,
          device_ids: [fixtures.deviceIds[0]],
          requested_access_methods: [{ mode: 'code' }],
          ...dates,
        }
        const created = await run.client.call('/access_grants/create', body)
        const grant = (expectSuccess(created, EXISTING) as { access_grant?: Record<string, unknown> })
          .access_grant
        const id = grant?.access_grant_id
        if (typeof id !== 'string')
          throw new LiveFinding({
            kind: 'violation',
            operation: created.path,
            detail: 'no access_grant.access_grant_id in a 200',
          })
        record(run, {
          kind: 'access_grant',
          id,
          undo: { path: '/access_grants/delete', body: { access_grant_id: id } },
        })
        // A 404 here is a violation: the run has just created it.
        const got = await run.client.call('/access_grants/get', { access_grant_id: id })
        const same = (expectSuccess(got, EXISTING) as { access_grant?: Record<string, unknown> }).access_grant
        for (const field of ['access_grant_id', 'user_identity_id', 'starts_at', 'ends_at'] as const) {
          if (JSON.stringify(same?.[field]) !== JSON.stringify(grant?.[field])) {
            throw new LiveFinding({
              kind: 'violation',
              operation: got.path,
              detail: `${field} differs from what create returned`,
              ...(got.requestId === undefined ? {} : { requestId: got.requestId }),
            })
          }
        }
        expectSuccess(await run.client.call('/access_grants/delete', { access_grant_id: id }), EXISTING)
        expectNotFound(
          await run.client.call('/access_grants/get', { access_grant_id: id }),
          'an access grant the run deleted',
        )
      }),
      seed,
      Math.min(runs, 3),
    )
  },
}

// ---- the overlay: an ID the run never created is a 404 `…_not_found`

const neverCreated: LiveProperty = {
  name: 'never_created_id_is_not_found',
  operations: ['/acs/users/get'],
  needs: [],
  async check({ run, seed, runs }) {
    await assertProperty(
      fc.asyncProperty(fc.uuid({ version: 4 }), async (id) => {
        expectNotFound(
          await run.client.call('/acs/users/get', { acs_user_id: id }),
          'an ACS user the run never created',
        )
      }),
      seed,
      Math.min(runs, 3),
    )
  },
}

export const LIVE_PROPERTIES: LiveProperty[] = [deviceAccess, acsUserLink, accessGrantLifecycle, neverCreated]

/** Runs a property's checks: first whether the target has its operations and fixtures. */
export async function checkLiveProperty(
  property: LiveProperty,
  context: PropertyContext,
): Promise<Finding[]> {
  const missing = property.needs.filter((need) => {
    const value = context.fixtures[need]
    return value === undefined || (Array.isArray(value) && value.length === 0)
  })
  const findings: Finding[] = []
  for (const operation of property.operations) {
    try {
      await probeOperation(context.run, operation)
    } catch (error) {
      if (!(error instanceof LiveFinding)) throw error
      findings.push({ ...error.finding, property: property.name })
    }
  }
  if (missing.length > 0) {
    findings.push({
      kind: 'fixture_unavailable',
      property: property.name,
      operation: property.operations[0] ?? '',
      detail: `no ${missing.join(', ')} could be found or created`,
    })
  }
  if (missing.length > 0) return findings
  // Run it even when a later operation is missing: the steps before it still say something.
  try {
    await property.check(context)
  } catch (error) {
    const found = findingIn(error)
    if (found === undefined) throw error
    const finding = { ...found.finding, property: property.name }
    const known = findings.some(
      (other) => other.kind === finding.kind && other.operation === finding.operation,
    )
    if (!known) findings.push(finding)
  }
  return findings
}

/** fast-check wraps what a property threw; the first LiveFinding in the chain is the report. */
function findingIn(error: unknown): LiveFinding | undefined {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof LiveFinding) return cause
  }
  return undefined
}

/** Few runs, no shrinking past a handful of steps: every step is a real request to a real workspace. */
async function assertProperty<T extends [unknown, ...unknown[]]>(
  property: fc.IAsyncProperty<T>,
  seed: number,
  runs: number,
): Promise<void> {
  await fc.assert(property, { seed, numRuns: runs, endOnFailure: true })
}
