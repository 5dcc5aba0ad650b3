import { beforeAll, describe, expect, it } from 'vitest'

import { loadSpec, type Spec } from '../../contracts/spec.ts'
import { GATE_SECRETS, type GateFailure, type GateResult, runSdkGate } from '../../suites/sdk/gate.ts'
import { formatFailure } from '../../suites/sdk/report.ts'
import { secretValues } from '../../contracts/credentials.ts'
import { STRICT_QUERY_FLAG } from '../../suites/sdk/conventions.ts'
import { loadDependency, loadSdk } from '../../suites/sdk/load-sdk.ts'
import type { Sdk } from '../../suites/sdk/sdk.ts'
import { BROKEN_SDKS, UNWRAPS_VOID, VOID_ANSWERED_WITH_OBJECT } from '../fixtures/sdk-faults.ts'

let spec: Spec
let pinned: Sdk
let next: Sdk
beforeAll(async () => {
  spec = await loadSpec()
  pinned = await loadSdk()
  next = await loadDependency('@seamapi/http-next')
})

const SEED = 7
const failedChecks = (result: GateResult) =>
  [
    ...new Set(result.failures.flatMap((failure) => failure.violations.map((violation) => violation.check))),
  ].sort()

describe('runSdkGate with the pinned SDK', () => {
  it('passes on the seed operations against the contract mock, provoking every error kind', async () => {
    const result = await runSdkGate({ sdk: pinned, spec, seed: SEED, runs: 3, operations: 'seed' })
    expect(result.failures.map((failure) => failure.violations)).toEqual([])
    expect(result.checked.map((operation) => operation.id).sort()).toEqual([
      'POST /access_grants/create',
      'POST /acs/entrances/grant_access',
      'POST /user_identities/revoke_access_to_device',
      'PUT /user_identities/add_acs_user',
      'PUT /user_identities/grant_access_to_device',
    ])
    expect(result.provoked).toEqual({ invalid_input: 5, unauthorized: 5, api_error: 5, not_found: 0 })
    // The other three selected operations are said, with the method the SDK uses on their path.
    expect(result.skipped.map(({ operation, reason }) => `${operation.id}: ${reason}`).sort()).toEqual([
      'DELETE /user_identities/revoke_access_to_device: no SDK method calls it (the SDK calls its path with POST)',
      'POST /user_identities/add_acs_user: no SDK method calls it (the SDK calls its path with PUT)',
      'POST /user_identities/grant_access_to_device: no SDK method calls it (the SDK calls its path with PUT)',
    ])
  })

  it('maps the SDK methods to spec operations and lists the gaps both ways', async () => {
    const result = await runSdkGate({
      sdk: pinned,
      spec,
      seed: SEED,
      runs: 1,
      operations: 'POST /access_grants/create',
    })
    const bound = new Map(result.coverage.bound.map(({ sdkPath, operation }) => [sdkPath, operation.id]))
    expect(bound.get('/access_grants/create')).toBe('POST /access_grants/create')
    expect(bound.get('/user_identities/grant_access_to_device')).toBe(
      'PUT /user_identities/grant_access_to_device',
    )
    expect(result.coverage.otherMethods.map((operation) => operation.id)).toContain(
      'POST /user_identities/grant_access_to_device',
    )
    expect(result.coverage.bound.length).toBeGreaterThan(200)
  })
})

describe('runSdkGate with the newest 2.x release (@seamapi/http-next)', () => {
  it('passes on the seed operations, accepting its strict query flag as a known convention', async () => {
    const result = await runSdkGate({ sdk: next, spec, seed: SEED, runs: 3, operations: 'seed' })
    expect(result.sdk).toBe('@seamapi/http@2.32.0')
    expect(result.failures.map((failure) => failure.violations)).toEqual([])
    // 2.x calls the DELETE form of revoke_access_to_device, with its parameters in the query.
    expect(result.checked.map((operation) => operation.id)).toContain(
      'DELETE /user_identities/revoke_access_to_device',
    )
    expect(result.accepted).toEqual([
      { id: STRICT_QUERY_FLAG.id, operations: ['DELETE /user_identities/revoke_access_to_device'] },
    ])
  })
})

describe('runSdkGate against fault fixtures', () => {
  it.each(BROKEN_SDKS)('fails an SDK that $name', async (broken) => {
    const result = await runSdkGate({
      sdk: broken.sdk(pinned),
      spec,
      seed: SEED,
      runs: 3,
      operations: broken.operations,
    })
    expect(failedChecks(result)).toEqual([...broken.caughtBy].sort())
  })

  it('fails an SDK-facing mock that answers a void operation with an object, under void_shape', async () => {
    const { fault, operations, caughtBy } = VOID_ANSWERED_WITH_OBJECT
    const result = await runSdkGate({ sdk: pinned, spec, seed: SEED, runs: 2, operations, fault })
    expect(failedChecks(result)).toEqual([caughtBy])
  })

  it('fails an SDK that unwraps a key of a void operation when the answer carries one', async () => {
    const { fault, operations } = VOID_ANSWERED_WITH_OBJECT
    const correct = await runSdkGate({ sdk: UNWRAPS_VOID.sdk(pinned), spec, seed: SEED, runs: 2, operations })
    expect(correct.failures).toEqual([])
    const faulted = await runSdkGate({
      sdk: UNWRAPS_VOID.sdk(pinned),
      spec,
      seed: SEED,
      runs: 2,
      operations,
      fault,
    })
    expect(failedChecks(faulted)).toEqual(['sdk_void_result', 'void_shape'])
  })

  it('lists an SDK method missing and one the spec does not have in the coverage, without failing', async () => {
    const sdk: Sdk = {
      ...pinned,
      connect: (options) => {
        const methods = new Map(pinned.connect(options))
        methods.delete('/access_grants/create')
        methods.set('/access_grants/teleport', () => Promise.resolve(undefined))
        return methods
      },
    }
    const result = await runSdkGate({
      sdk,
      spec,
      seed: SEED,
      runs: 1,
      operations: 'PUT /user_identities/grant_access_to_device',
    })
    expect(result.coverage.withoutSdkMethod.map((operation) => operation.id)).toContain(
      'POST /access_grants/create',
    )
    expect(result.coverage.withoutOperation).toEqual([{ sdkPath: '/access_grants/teleport' }])
    expect(result.failures).toEqual([])
  })
})

describe('formatFailure', () => {
  it('names the check, the replay, the shrunk parameters and a curl, never the key', async () => {
    const broken = BROKEN_SDKS[0] as (typeof BROKEN_SDKS)[number]
    const result = await runSdkGate({
      sdk: broken.sdk(pinned),
      spec,
      seed: SEED,
      runs: 2,
      operations: broken.operations,
    })
    const failure = result.failures.find((f) => f.case === 'valid')
    expect(failure).toBeDefined()
    const text = formatFailure(
      failure as GateFailure,
      { seed: SEED, runs: 2, defaultRuns: 3 },
      secretValues(GATE_SECRETS),
    )
    expect(text).toMatch(
      /^sdk_object_result: POST \/access_grants\/create \(SDK \/access_grants\/create, valid parameters\)/,
    )
    expect(text).toContain(
      `Replay: npm run sdk-gate -- --seed ${SEED} --operations 'POST /access_grants/create' --runs 2`,
    )
    expect(text).toContain('Shrunk parameters:')
    expect(text).toContain(
      `curl -X POST 'http://127.0.0.1:4010/access_grants/create' -H "Authorization: Bearer $SEAM_API_KEY"`,
    )
    for (const secret of secretValues(GATE_SECRETS)) expect(text).not.toContain(secret)
  })
})
