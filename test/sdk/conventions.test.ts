import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildOperations, type Operation } from '../../contracts/operations.ts'
import { loadSpec, type Spec } from '../../contracts/spec.ts'
import { createValidators } from '../../contracts/validators.ts'
import { type RunningMock, startMock } from '../../mock/server.ts'
import { callSdk, wireRecorder } from '../../suites/sdk/call.ts'
import { sdkRequest } from '../../suites/sdk/checks/sdk-request.ts'
import type { SdkCall } from '../../suites/sdk/checks/types.ts'
import { queryConventions, STRICT_QUERY_FLAG } from '../../suites/sdk/conventions.ts'
import { GATE_SECRETS, type GateResult } from '../../suites/sdk/gate.ts'
import { DROPS_PROTOTYPE_NAMED_KEYS } from '../../suites/sdk/known-findings.ts'
import { loadDependency } from '../../suites/sdk/load-sdk.ts'
import { formatAccepted } from '../../suites/sdk/report.ts'
import type { Sdk } from '../../suites/sdk/sdk.ts'
import { MOCK_SECRETS } from '../../suites/support/mock-secrets.ts'

const DEVICE_ID = '0b2c3d4e-5f60-4172-8394-a5b6c7d8e9f0'
let spec: Spec
let next: Sdk
let mock: RunningMock
let get: Operation
const recorder = wireRecorder()
beforeAll(async () => {
  spec = await loadSpec()
  next = await loadDependency('@seamapi/http-next')
  mock = await startMock({ accepted: GATE_SECRETS, onExchange: recorder.onExchange })
  get = buildOperations(spec).find((operation) => operation.id === 'GET /devices/get') as Operation
})
afterAll(() => mock.close())

const runRequestCheck = (call: SdkCall) =>
  sdkRequest.run({ operation: get, validators: createValidators(spec), errors: next.errors }, call)

/** `seam.devices.get` through 2.32.0, which sends GET with the parameters in the query. */
function getThroughNext(): Promise<SdkCall> {
  const methods = next.connect({
    endpoint: mock.url,
    credential: { kind: 'api_key', apiKey: MOCK_SECRETS.apiKey },
  })
  const method = methods.get('/devices/get')
  if (method === undefined) throw new Error('2.32.0 has no /devices/get')
  const parameters = { device_id: DEVICE_ID }
  return callSdk({ recorder, method, operation: get, sdkPath: '/devices/get', parameters, timeoutMs: 5000 })
}

/** The same call as if the SDK had sent `query` instead. */
function sending(call: SdkCall, query: Record<string, string | string[]>): SdkCall {
  const [exchange] = call.received
  if (exchange === undefined) throw new Error('no request')
  return { ...call, received: [{ ...exchange, request: { ...exchange.request, query } }] }
}

describe('the strict query flag of @seamapi/http 2.x', () => {
  it('2.32.0 adds _strict=true to its query; the mock accepts it and sdk_request reports only the known convention', async () => {
    const call = await getThroughNext()
    expect(call.received[0]?.request.query).toEqual({ device_id: DEVICE_ID, _strict: 'true' })
    expect(call.received[0]?.response.status).toBe(200)
    expect(runRequestCheck(call)).toEqual([
      { message: STRICT_QUERY_FLAG.summary, known: STRICT_QUERY_FLAG.id },
    ])
  })

  it.each([
    ['another extra parameter beside it', { device_id: DEVICE_ID, _strict: 'true', debug: '1' }, 'debug'],
    ['another value', { device_id: DEVICE_ID, _strict: 'false' }, '_strict'],
    ['the flag twice', { device_id: DEVICE_ID, _strict: ['true', 'true'] }, '_strict'],
  ])('%s is a plain violation, failing the gate', async (_label, query, named) => {
    const violations = runRequestCheck(sending(await getThroughNext(), query))
    expect(violations.filter((violation) => violation.known === undefined)).toEqual([
      { message: expect.stringContaining(named) },
    ])
  })

  it('is recognised only as the SDK writes it: once, true, beside at least one parameter', () => {
    expect(queryConventions({ a: '1', _strict: 'true' })).toEqual({
      query: { a: '1' },
      conventions: [STRICT_QUERY_FLAG],
    })
    for (const query of [
      { _strict: 'true' },
      { a: '1', _strict: 'TRUE' },
      { a: '1', _strict: ['true', 'true'] },
      { a: '1' },
    ]) {
      expect(queryConventions(query)).toEqual({ query, conventions: [] })
    }
  })
})

describe('formatAccepted with conventions', () => {
  it('lists conventions apart from findings, with the release run and the releases known', () => {
    const result = {
      sdk: '@seamapi/http@2.32.0',
      accepted: [
        { id: DROPS_PROTOTYPE_NAMED_KEYS.id, operations: ['PATCH /devices/update'] },
        { id: STRICT_QUERY_FLAG.id, operations: ['GET /devices/get', 'GET /devices/list'] },
      ],
    } as GateResult
    expect(formatAccepted(result)).toBe(
      [
        'Known SDK conventions (the SDK adds them by its own rule; accepted, see docs/sdk-known-findings.md):',
        '  sdk_request: strict_query_flag, seen on GET /devices/get, GET /devices/list',
        `    ${STRICT_QUERY_FLAG.summary}`,
        `    in @seamapi/http@2.32.0; known in ${STRICT_QUERY_FLAG.versions}`,
        '',
        'Known SDK findings (reported, not failing; see docs/sdk-known-findings.md):',
        '  sdk_request: drops_prototype_named_keys, seen on PATCH /devices/update',
        `    ${DROPS_PROTOTYPE_NAMED_KEYS.summary}`,
      ].join('\n'),
    )
  })
})
