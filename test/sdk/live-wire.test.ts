// The live gate's plan and wire against a live-like target, the contract mock (any ID it is given
// exists): the SDK's calls go through the wire, so sdk_request holds what reached the target to
// what the SDK was given; an answer that says nothing about the SDK is a target failure, not a
// pass; what an answer created is handed on for the ledger.
import { randomUUID } from 'node:crypto'

import { afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { Operation } from '../../contracts/operations.ts'
import { loadSpec, type Spec } from '../../contracts/spec.ts'
import { type Fault, type RunningMock, startMock } from '../../mock/server.ts'
import { type Fixtures, idBindings } from '../../suites/live/fixtures.ts'
import { wireRecorder } from '../../suites/sdk/call.ts'
import { type GateResult, runGate } from '../../suites/sdk/gate.ts'
import { livePlanFor } from '../../suites/sdk/live-gate.ts'
import { startLiveWire } from '../../suites/sdk/live-wire.ts'
import { loadSdk } from '../../suites/sdk/load-sdk.ts'
import type { Sdk } from '../../suites/sdk/sdk.ts'
import { MOCK_SECRETS } from '../../suites/support/mock-secrets.ts'
import { createClient } from '../../suites/transport/client.ts'
import { BROKEN_SDKS } from '../fixtures/sdk-faults.ts'

const FIXTURES: Fixtures = {
  userIdentityId: randomUUID(),
  deviceIds: [randomUUID()],
  acsSystemId: randomUUID(),
  acsEntranceIds: [randomUUID()],
  acsUserIds: [randomUUID()],
}

let spec: Spec
let pinned: Sdk
let mock: RunningMock | undefined
beforeAll(async () => {
  spec = await loadSpec()
  pinned = await loadSdk()
})
afterEach(async () => {
  await mock?.close()
  mock = undefined
})

async function liveGate(sdk: Sdk, operations: string, fault?: Fault) {
  mock = await startMock({ accepted: MOCK_SECRETS, ...(fault === undefined ? {} : { fault }) })
  const client = createClient({ endpoint: mock.url, auth: MOCK_SECRETS, timeoutMs: 5000, concurrency: 2 })
  const recorder = wireRecorder()
  const forwarded: string[] = []
  const wire = await startLiveWire({
    client,
    secrets: MOCK_SECRETS,
    operations: [],
    recorder,
    purpose: () => 'valid',
    onForwarded: (_operation, exchange) =>
      forwarded.push(`${exchange.request.method} ${exchange.request.path}`),
  })
  try {
    const result = await runGate({
      sdk,
      spec,
      seed: 5,
      runs: 2,
      operations,
      target: 'live',
      endpoint: wire.url,
      reportedEndpoint: mock.url,
      secrets: MOCK_SECRETS,
      recorder,
      timeoutMs: 10_000,
      planFor: (operation: Operation) =>
        livePlanFor(operation, { seed: 5, secrets: MOCK_SECRETS, ids: idBindings(FIXTURES), undoable: [] }),
    })
    return { result, forwarded }
  } finally {
    await wire.close()
    await client.close()
  }
}

const outcomes = (result: GateResult) =>
  result.failures.map((failure) => `${failure.kind} ${failure.violations[0]?.check} ${failure.case}`).sort()

describe('the live gate through its wire', () => {
  it('passes the pinned SDK on the seed operations, every call reaching the target', async () => {
    const { result, forwarded } = await liveGate(pinned, 'seed')
    expect(result.failures.map((failure) => failure.violations)).toEqual([])
    expect(result.endpoint).toBe(mock?.url)
    expect(forwarded).toHaveLength(result.calls)
    // Live cases on the seed operations: valid, schema-broken, a wrong key; no scripted error, and
    // no never-created ID (that is for read-only operations).
    expect(result.provoked).toMatchObject({ api_error: 0, not_found: 0 })
    expect(result.provoked.invalid_input).toBeGreaterThan(0)
    expect(result.provoked.unauthorized).toBeGreaterThan(0)
  })

  it('holds what reached the target to what the SDK was given (sdk_request)', async () => {
    const sends = BROKEN_SDKS.find((broken) => broken.name === 'sends a parameter it was not given')
    if (sends === undefined) throw new Error('fixture missing')
    const { result } = await liveGate(sends.sdk(pinned), sends.operations)
    expect(outcomes(result)).toContain('violation sdk_request valid')
  })

  it('reports an answer that says nothing about the SDK as a target failure, never a pass', async () => {
    const outage: Fault = ({ response }) => ({ ...response, status: 503, body: 'Service Unavailable' })
    const { result } = await liveGate(pinned, 'POST /access_grants/create', outage)
    expect(new Set(result.failures.map((failure) => failure.kind))).toEqual(new Set(['target_failure']))
    expect(result.failures.map((failure) => failure.category)).toContain('server_error')
    expect(result.verdicts.filter(({ verdict }) => verdict.type === 'check_passed')).toEqual([])
  })
})
