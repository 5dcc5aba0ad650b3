import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildOperations, type Operation } from '../../contracts/operations.ts'
import { loadSpec, type Spec } from '../../contracts/spec.ts'
import { createValidators } from '../../contracts/validators.ts'
import { type RunningMock, startMock } from '../../mock/server.ts'
import { callSdk, wireRecorder } from '../../suites/sdk/call.ts'
import { sdkRequest } from '../../suites/sdk/checks/sdk-request.ts'
import type { SdkCall } from '../../suites/sdk/checks/types.ts'
import { GATE_SECRETS, type GateResult } from '../../suites/sdk/gate.ts'
import { formatAccepted } from '../../suites/sdk/report.ts'
import { DROPS_PROTOTYPE_NAMED_KEYS, withoutPrototypeNamedKeys } from '../../suites/sdk/known-findings.ts'
import { loadDependency, loadSdk } from '../../suites/sdk/load-sdk.ts'
import type { Sdk } from '../../suites/sdk/sdk.ts'
import { MOCK_SECRETS } from '../../suites/support/mock-secrets.ts'

const DEVICE_ID = '0b2c3d4e-5f60-4172-8394-a5b6c7d8e9f0'
let spec: Spec
let sdk: Sdk
let next: Sdk
let mock: RunningMock
let update: Operation
const recorder = wireRecorder()
beforeAll(async () => {
  spec = await loadSpec()
  sdk = await loadSdk()
  next = await loadDependency('@seamapi/http-next')
  mock = await startMock({ accepted: GATE_SECRETS, onExchange: recorder.onExchange })
  update = buildOperations(spec).find((operation) => operation.id === 'PATCH /devices/update') as Operation
})
afterAll(() => mock.close())

const runRequestCheck = (call: SdkCall) =>
  sdkRequest.run({ operation: update, validators: createValidators(spec), errors: sdk.errors }, call)

async function updateThroughSdk(customMetadata: Record<string, string>, through = sdk): Promise<SdkCall> {
  const methods = through.connect({
    endpoint: mock.url,
    credential: { kind: 'api_key', apiKey: MOCK_SECRETS.apiKey },
  })
  const method = methods.get('/devices/update')
  if (method === undefined) throw new Error('the pinned SDK has no /devices/update')
  const parameters = { device_id: DEVICE_ID, custom_metadata: customMetadata }
  return callSdk({
    recorder,
    method,
    operation: update,
    sdkPath: '/devices/update',
    parameters,
    timeoutMs: 5000,
  })
}

describe('known SDK findings', () => {
  it.each([
    ['the pinned SDK', () => sdk],
    ['2.32.0', () => next],
  ])(
    '%s drops a custom_metadata key named constructor: sdk_request reports the known finding',
    async (_label, through) => {
      const call = await updateThroughSdk({ constructor: 'lobby', floor: '2' }, through())
      expect(call.received[0]?.request.body).toEqual({
        device_id: DEVICE_ID,
        custom_metadata: { floor: '2' },
      })
      expect(runRequestCheck(call)).toEqual([
        expect.objectContaining({ known: DROPS_PROTOTYPE_NAMED_KEYS.id }),
      ])
    },
  )

  it('a key dropped for any other reason is a plain violation, failing the gate', async () => {
    const call = await updateThroughSdk({ floor: '2' })
    const dropped = {
      ...call,
      parameters: { ...call.parameters, custom_metadata: { floor: '2', wing: 'east' } },
    }
    expect(runRequestCheck(dropped)).toEqual([{ message: expect.stringContaining('wing') }])
  })

  it('a call that drops another key beside a prototype-named one is a plain violation', async () => {
    const call = await updateThroughSdk({ constructor: 'lobby', floor: '2' })
    const dropped = {
      ...call,
      parameters: { ...call.parameters, custom_metadata: { constructor: 'lobby', floor: '2', wing: 'east' } },
    }
    expect(runRequestCheck(dropped)).toEqual([{ message: expect.stringContaining('wing') }])
  })

  it('removes prototype-named keys at any depth and nothing else', () => {
    const value = JSON.parse('{"a":[{"__proto__":1,"b":2}],"constructor":3,"prototype":{"c":4},"toString":5}')
    expect(withoutPrototypeNamedKeys(value)).toEqual({ a: [{ b: 2 }], toString: 5 })
  })
})

describe('formatAccepted', () => {
  it('lists each known finding seen with its check, operations and summary', () => {
    const result = {
      accepted: [{ id: DROPS_PROTOTYPE_NAMED_KEYS.id, operations: ['PATCH /devices/update'] }],
    } as GateResult
    expect(formatAccepted(result)).toBe(
      [
        'Known SDK findings (reported, not failing; see docs/sdk-known-findings.md):',
        `  sdk_request: drops_prototype_named_keys, seen on PATCH /devices/update`,
        `    ${DROPS_PROTOTYPE_NAMED_KEYS.summary}`,
      ].join('\n'),
    )
    expect(formatAccepted({ accepted: [] } as unknown as GateResult)).toBeUndefined()
  })
})
