// The SDK release gate: every operation the SDK exposes, called through the SDK with generated
// valid parameters against the contract mock, and once each to provoke a 400, a 401 and another
// API error. The checks (./checks) judge each call; the coverage says what either side lacks.
import fc from 'fast-check'

import type { AuthVariant } from '../../contracts/auth.ts'
import { invalidRequest } from '../../contracts/arbitraries/invalid.ts'
import { validRequest } from '../../contracts/arbitraries/request.ts'
import { buildOperations, type Operation } from '../../contracts/operations.ts'
import type { GeneratedRequest, Payload } from '../../contracts/request.ts'
import { selectOperations } from '../../contracts/selection.ts'
import type { Spec } from '../../contracts/spec.ts'
import { createValidators, type Validators } from '../../contracts/validators.ts'
import { errorEnvelope } from '../../mock/responses.ts'
import { type Fault, startMock } from '../../mock/server.ts'
import type { Violation } from '../checks/types.ts'
import { credentialFor, noCredentialReason } from '../scenarios/credentials.ts'
import { MOCK_SECRETS } from '../support/mock-secrets.ts'
import type { AuthSecrets } from '../../contracts/credentials.ts'
import { operationSeed } from '../engine/property.ts'
import { answerViolations } from './answer-checks.ts'
import { callSdk, type WireRecorder, wireRecorder } from './call.ts'
import { SDK_CHECKS } from './checks/index.ts'
import { type SdkCoverage, sdkCoverage, type SdkMethodRoute } from './checks/sdk-coverage.ts'
import { sdkErrors } from './checks/sdk-errors.ts'
import { sdkRequest } from './checks/sdk-request.ts'
import type { SdkCall, SdkCheck } from './checks/types.ts'
import { pendingRequest, type Sdk, type SdkCredential, type SdkMethod } from './sdk.ts'

export type GateOptions = {
  sdk: Sdk
  spec: Spec
  seed: number
  /** Generated valid calls per operation. */
  runs: number
  /** Narrows the operations called (same syntax as `--operations`); unset: all the SDK exposes. */
  operations?: string
  /** Breaks the mock's answers: the gate's own fault fixtures. */
  fault?: Fault
  timeoutMs?: number
}

/** Which call of an operation broke a check. */
export type GateCase = 'valid' | 'invalid_input' | 'unauthorized' | 'api_error'

export type GateFailure = {
  operation: Operation
  sdkPath: string
  case: GateCase
  violations: Violation[]
  call: SdkCall
  /** For generated valid calls: how fast-check found and shrank it. */
  property?: { seed: number; path: string; runs: number }
}

export type GateResult = {
  sdk: string
  coverage: SdkCoverage
  /** Operations called, and those the gate could not call, with the reason. */
  checked: Operation[]
  skipped: { operation: Operation; reason: string }[]
  failures: GateFailure[]
  calls: number
  /** How many error answers each provoked case actually got from the mock. */
  provoked: Record<Exclude<GateCase, 'valid'>, number>
  /** Known findings (./known-findings.ts) seen in this run: reported, not failing the gate. */
  accepted: AcceptedFinding[]
}

/** A known finding and the operations it showed on (shrinking an unrelated failure may show it again). */
export type AcceptedFinding = { id: string; operations: string[] }

/** The run's credentials: the mock's defaults, which the embedded mock takes and nothing else. */
export const GATE_SECRETS: AuthSecrets = MOCK_SECRETS

/** Requests carrying this header get a scripted API error: how the gate provokes "any other error". */
export const SCRIPTED_ERROR_HEADER = 'seam-sdk-gate-error'
const SCRIPTED_ERROR = { status: 404, type: 'not_found' }

const scriptedError: Fault = ({ request, response }) =>
  request.headers[SCRIPTED_ERROR_HEADER] === undefined
    ? response
    : {
        status: SCRIPTED_ERROR.status,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(errorEnvelope(SCRIPTED_ERROR.type, 'Scripted by the SDK gate')),
      }

export async function runSdkGate(options: GateOptions): Promise<GateResult> {
  const { sdk, spec, seed, runs } = options
  const timeoutMs = options.timeoutMs ?? 10_000
  const operations = buildOperations(spec)
  const validators = createValidators(spec)
  const recorder = wireRecorder()
  const fault = options.fault
  const mock = await startMock({
    accepted: GATE_SECRETS,
    onExchange: recorder.onExchange,
    fault: (context) =>
      scriptedError({ ...context, response: fault === undefined ? context.response : fault(context) }),
  })
  try {
    const clients = sdkClients(sdk, mock.url)
    const coverage = sdkCoverage(await methodRoutes(clients.get({ use: 'api_key' }), recorder), operations)
    const selected =
      options.operations === undefined ? undefined : new Set(selectOperations(operations, options.operations))
    const result: GateResult = {
      sdk: sdk.name,
      coverage,
      checked: [],
      skipped: [],
      failures: [],
      calls: 0,
      provoked: { invalid_input: 0, unauthorized: 0, api_error: 0 },
      accepted: [],
    }
    for (const { sdkPath, operation } of coverage.bound) {
      if (selected !== undefined && !selected.has(operation)) continue
      const credential = credentialFor(operation, GATE_SECRETS)
      if (credential === undefined) {
        result.skipped.push({ operation, reason: noCredentialReason(operation) })
        continue
      }
      result.checked.push(operation)
      const gate = { recorder, validators, sdk, operation, sdkPath, timeoutMs, result }
      const method = (variant: AuthVariant, wrong = false, headers?: Record<string, string>) =>
        clients.get(variant, wrong, headers).get(sdkPath)
      await checkValidCalls(gate, method(credential), seed, runs)
      await checkErrorCalls(gate, method, credential, seed)
    }
    if (selected !== undefined && result.checked.length + result.skipped.length === 0) {
      throw new Error(`no SDK method calls the selected operations ("${options.operations}")`)
    }
    return result
  } finally {
    await mock.close()
  }
}

type GateRun = {
  recorder: WireRecorder
  validators: Validators
  sdk: Sdk
  operation: Operation
  sdkPath: string
  timeoutMs: number
  result: GateResult
}

/** Generated valid parameters: every check on every call; a failure shrinks to the smallest parameters. */
async function checkValidCalls(gate: GateRun, method: SdkMethod | undefined, seed: number, runs: number) {
  if (method === undefined) return
  const { operation } = gate
  const call = async (request: GeneratedRequest) => {
    gate.result.calls++
    const sdkCall = await callOnce(gate, method, parametersOf(request))
    return { sdkCall, violations: runChecks(gate, SDK_CHECKS, sdkCall) }
  }
  const details = await fc.check(
    fc.asyncProperty(
      validRequest(operation),
      async (request) => (await call(request)).violations.length === 0,
    ),
    { seed: operationSeed(seed, `sdk ${operation.id}`), numRuns: runs, interruptAfterTimeLimit: 60_000 },
  )
  if (!details.failed || details.counterexample === null) return
  // The mock answers the same parameters the same way: replaying the shrunk case gives its violations.
  const [shrunk] = details.counterexample
  const { sdkCall, violations } = await call(shrunk)
  if (violations.length === 0) return
  gate.result.failures.push({
    operation,
    sdkPath: gate.sdkPath,
    case: 'valid',
    violations,
    call: sdkCall,
    property: { seed: details.seed, path: details.counterexamplePath ?? '', runs: details.numRuns },
  })
}

/** One call for each error the SDK must surface as its own: invalid input, a wrong key, another API error. */
async function checkErrorCalls(
  gate: GateRun,
  method: (variant: AuthVariant, wrong?: boolean, headers?: Record<string, string>) => SdkMethod | undefined,
  credential: AuthVariant,
  seed: number,
) {
  const { operation } = gate
  const valid = sampleOne(validRequest(operation), seed, operation)
  const schemaBroken = schemaBrokenRequest(operation, seed)
  const cases: {
    case: Exclude<GateCase, 'valid'>
    method: SdkMethod | undefined
    parameters?: Payload
    checks: SdkCheck[]
  }[] = [
    {
      case: 'invalid_input',
      method: method(credential),
      ...(schemaBroken === undefined ? {} : { parameters: parametersOf(schemaBroken) }),
      // The SDK may refuse to serialise a broken payload at all: only what reaches the mock is judged.
      checks: [sdkErrors],
    },
    {
      case: 'unauthorized',
      method: method(credential, true),
      parameters: parametersOf(valid),
      checks: [sdkErrors, sdkRequest],
    },
    {
      case: 'api_error',
      method: method(credential, false, { [SCRIPTED_ERROR_HEADER]: '1' }),
      parameters: parametersOf(valid),
      checks: [sdkErrors, sdkRequest],
    },
  ]
  for (const { case: name, method: sdkMethod, parameters, checks } of cases) {
    if (sdkMethod === undefined || parameters === undefined) continue
    gate.result.calls++
    const sdkCall = await callOnce(gate, sdkMethod, parameters)
    const status = sdkCall.received[0]?.response.status ?? 0
    if (status >= 400) gate.result.provoked[name]++
    const violations = runChecks(gate, checks, sdkCall)
    if (violations.length > 0) {
      gate.result.failures.push({ operation, sdkPath: gate.sdkPath, case: name, violations, call: sdkCall })
    }
  }
}

function callOnce(gate: GateRun, method: SdkMethod, parameters: Payload): Promise<SdkCall> {
  const { recorder, operation, sdkPath, timeoutMs } = gate
  return callSdk({ recorder, method, operation, sdkPath, parameters, timeoutMs })
}

/** The call's violations, less the known findings, which are counted in the result instead. */
function runChecks(gate: GateRun, checks: SdkCheck[], call: SdkCall): Violation[] {
  const context = { operation: gate.operation, validators: gate.validators, errors: gate.sdk.errors }
  const violations = [
    ...answerViolations(call, gate.validators),
    ...checks.filter((check) => check.appliesTo(gate.operation)).flatMap((check) => check.run(context, call)),
  ]
  for (const { known } of violations)
    if (known !== undefined) noteAccepted(gate.result, known, gate.operation)
  return violations.filter(({ known }) => known === undefined)
}

function noteAccepted(result: GateResult, id: string, operation: Operation) {
  let finding = result.accepted.find((accepted) => accepted.id === id)
  if (finding === undefined) {
    finding = { id, operations: [] }
    result.accepted.push(finding)
  }
  if (!finding.operations.includes(operation.id)) finding.operations.push(operation.id)
}

function parametersOf(request: GeneratedRequest): Payload {
  return (request.body ?? request.query) as Payload
}

/**
 * An invalid request that breaks the schema (not a prose rule or the body itself), if the
 * operation has one: drawn from a sample, since a filter would never end for an operation that has none.
 */
function schemaBrokenRequest(operation: Operation, seed: number): GeneratedRequest | undefined {
  const invalid = invalidRequest(operation)
  if (invalid === undefined) return undefined
  const sample = fc.sample(invalid, { seed: operationSeed(seed, `sdk invalid ${operation.id}`), numRuns: 20 })
  return sample.find((request) => request.invalid?.breaks === 'schema')
}

function sampleOne<T>(arbitrary: fc.Arbitrary<T>, seed: number, operation: Operation): T {
  return fc.sample(arbitrary, { seed: operationSeed(seed, `sdk errors ${operation.id}`), numRuns: 1 })[0] as T
}

/**
 * The SDK's method routes: read from the request it builds but does not send yet (the SDK's lazy
 * `SeamHttpRequest`); a method that sends at once is called once and observed at the mock instead.
 */
async function methodRoutes(
  methods: Map<string, SdkMethod>,
  recorder: WireRecorder,
): Promise<SdkMethodRoute[]> {
  const routes: SdkMethodRoute[] = []
  for (const [sdkPath, method] of methods) {
    const { result: sends } = await recorder
      .during(async () => {
        let built: unknown
        try {
          built = method({})
        } catch {
          return undefined
        }
        const pending = pendingRequest(built)
        if (pending !== undefined) return pending
        await Promise.resolve(built).catch(() => undefined)
        return undefined
      })
      .then(({ result, received }) => {
        const request = received[0]?.request
        return {
          result:
            result ??
            (request === undefined ? undefined : { method: request.method, pathname: request.path }),
        }
      })
    routes.push({ sdkPath, ...(sends === undefined ? {} : { sends }) })
  }
  return routes
}

/** One SDK client per credential kind (and per wrong secret or extra header), built on first use. */
function sdkClients(sdk: Sdk, endpoint: string) {
  const cache = new Map<string, Map<string, SdkMethod>>()
  return {
    get(variant: AuthVariant, wrong = false, headers?: Record<string, string>): Map<string, SdkMethod> {
      const key = JSON.stringify([variant.use, wrong, headers])
      let methods = cache.get(key)
      if (methods === undefined) {
        methods = sdk.connect({
          endpoint,
          credential: sdkCredential(variant, wrong),
          ...(headers === undefined ? {} : { headers }),
        })
        cache.set(key, methods)
      }
      return methods
    },
  }
}

/** The SDK's options for a credential of the run; `wrong` swaps the secret for one the mock refuses. */
function sdkCredential(variant: AuthVariant, wrong: boolean): SdkCredential {
  const secret = (right: string, other: string) => (wrong ? other : right)
  switch (variant.use) {
    case 'personal_access_token':
      return {
        kind: 'personal_access_token',
        personalAccessToken: secret(MOCK_SECRETS.personalAccessToken, 'seam_at_sdk_gate_wrong_token'),
        workspaceId: MOCK_SECRETS.workspaceId,
      }
    case 'client_session_token':
      return {
        kind: 'client_session_token',
        clientSessionToken: secret(MOCK_SECRETS.clientSessionToken, 'seam_cst_sdk_gate_wrong_token'),
      }
    case 'console_session':
      return {
        kind: 'console_session',
        consoleSessionToken: secret(
          MOCK_SECRETS.consoleSessionToken,
          'eyJhbGciOiJub25lIn0.eyJ3cm9uZyI6dHJ1ZX0.',
        ),
        workspaceId: MOCK_SECRETS.workspaceId,
      }
    default:
      return { kind: 'api_key', apiKey: secret(MOCK_SECRETS.apiKey, 'seam_sdk_gate_wrong_key') }
  }
}
