// The SDK release gate: every operation the SDK exposes, called through the SDK with generated
// valid parameters against the contract mock, and once each to provoke a 400, a 401 and another
// API error. The checks (./checks) judge each call; the coverage says what either side lacks.
import fc from 'fast-check'

import type { AuthVariant } from '../../contracts/auth.ts'
import { applyMutation, type Mutation, payloadMutations } from '../../contracts/arbitraries/mutations.ts'
import { validRequest } from '../../contracts/arbitraries/request.ts'
import { buildOperations, type Operation } from '../../contracts/operations.ts'
import type { GeneratedRequest, Payload } from '../../contracts/request.ts'
import { selectOperations } from '../../contracts/selection.ts'
import type { Spec } from '../../contracts/spec.ts'
import { createValidators } from '../../contracts/validators.ts'
import { errorEnvelope } from '../../mock/responses.ts'
import { type Fault, startMock } from '../../mock/server.ts'
import type { Violation } from '../checks/types.ts'
import { credentialFor, noCredentialReason } from '../scenarios/credentials.ts'
import { MOCK_SECRETS } from '../support/mock-secrets.ts'
import type { AuthSecrets } from '../../contracts/credentials.ts'
import { createEngine, type RunPlan } from '../engine/engine.ts'
import type { Listener } from '../engine/events.ts'
import { operationSeed } from '../engine/property.ts'
import type { Target } from '../engine/target.ts'
import type { Scenario } from '../scenarios/types.ts'
import { ANSWER_CHECKS } from './answer-checks.ts'
import { callSdk, type WireRecorder, wireRecorder } from './call.ts'
import { SDK_CHECKS } from './checks/index.ts'
import { type SdkCoverage, sdkCoverage, type SdkMethodRoute } from './checks/sdk-coverage.ts'
import { sdkErrors } from './checks/sdk-errors.ts'
import { sdkRequest } from './checks/sdk-request.ts'
import type { SdkCall, SdkCheck, SdkCheckContext } from './checks/types.ts'
import { replayCommand } from './replay.ts'
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
  /** Sees every engine event: how the script shows progress. */
  onEvent?: Listener<SdkCall>
  /** The command printed to replay an operation's failure; by default, the gate's own with this seed. */
  replay?: (operationId: string) => string
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
    const bound: BoundOperation[] = []
    for (const { sdkPath, operation } of coverage.bound) {
      if (selected !== undefined && !selected.has(operation)) continue
      const credential = credentialFor(operation, GATE_SECRETS)
      if (credential === undefined) {
        result.skipped.push({ operation, reason: noCredentialReason(operation) })
        continue
      }
      result.checked.push(operation)
      bound.push({ operation, sdkPath, credential })
    }
    if (selected !== undefined && result.checked.length + result.skipped.length === 0) {
      throw new Error(`no SDK method calls the selected operations ("${options.operations}")`)
    }
    const plan: RunPlan<SdkCheckContext, SdkCall, SdkCall> = {
      operations: bound.map((entry) => ({
        operation: entry.operation,
        context: { operation: entry.operation, validators, errors: sdk.errors },
        scenarios: gateScenarios(entry.operation, seed),
        skips: [],
      })),
      target: sdkTarget({ bound, clients, recorder, timeoutMs, result }),
      seed,
      runs,
      // Calls run one at a time: everything the mock receives during a call belongs to it.
      concurrency: 1,
      replay: (operation) =>
        options.replay?.(operation.id) ?? replayCommand({ seed, runs, defaultRuns: runs }, operation.id),
    }
    const sdkPaths = new Map(bound.map((entry) => [entry.operation, entry.sdkPath]))
    await createEngine(plan, (event) => {
      options.onEvent?.(event)
      if (event.type === 'known_finding') noteAccepted(result, event.known, event.operation)
      if (event.type !== 'violation') return
      const { operation, scenario, violations, exchange: call } = event
      result.failures.push({
        operation,
        sdkPath: sdkPaths.get(operation) ?? '',
        case: scenario as GateCase,
        violations,
        call,
        ...(scenario === 'valid'
          ? { property: { seed: event.seed, path: event.path, runs: event.runs } }
          : {}),
      })
    }).run()
    return result
  } finally {
    await mock.close()
  }
}

type BoundOperation = { operation: Operation; sdkPath: string; credential: AuthVariant }

/**
 * An operation's cases: generated valid parameters (every check on every call, a failure shrinks
 * to the smallest parameters), and one call for each error the SDK must surface as its own:
 * invalid input, a wrong key, another API error.
 */
function gateScenarios(operation: Operation, seed: number): Scenario<SdkCheckContext, SdkCall>[] {
  const applicable = (checks: SdkCheck[]) =>
    [...checks, ...ANSWER_CHECKS].filter((check) => check.appliesTo(operation))
  const { valid, schemaBroken } = errorCaseRequests(operation, seed)
  const once = (name: GateCase, request: GeneratedRequest, checks: SdkCheck[]) => ({
    name,
    requests: fc.constant(request),
    checks: applicable(checks),
    runs: 1,
  })
  return [
    { name: 'valid', requests: validRequest(operation), checks: applicable(SDK_CHECKS) },
    // The SDK may refuse to serialise a broken payload at all: only what reaches the mock is judged.
    ...(schemaBroken === undefined ? [] : [once('invalid_input', schemaBroken, [sdkErrors])]),
    once('unauthorized', valid, [sdkErrors, sdkRequest]),
    once('api_error', valid, [sdkErrors, sdkRequest]),
  ]
}

/** Calls the SDK method bound to the request's operation, with the credential its case needs. */
function sdkTarget(gate: {
  bound: BoundOperation[]
  clients: ReturnType<typeof sdkClients>
  recorder: WireRecorder
  timeoutMs: number
  result: GateResult
}): Target<SdkCall, SdkCall> {
  const byId = new Map(gate.bound.map((entry) => [entry.operation.id, entry]))
  let queue: Promise<unknown> = Promise.resolve()
  const call = async (request: GeneratedRequest, scenario: string): Promise<SdkCall> => {
    const { operation, sdkPath, credential } = byId.get(request.operation) as BoundOperation
    const headers = scenario === 'api_error' ? { [SCRIPTED_ERROR_HEADER]: '1' } : undefined
    const method = gate.clients
      .get(credential, scenario === 'unauthorized', headers)
      .get(sdkPath) as SdkMethod
    gate.result.calls++
    const sdkCall = await callSdk({
      recorder: gate.recorder,
      method,
      operation,
      sdkPath,
      parameters: parametersOf(request),
      timeoutMs: gate.timeoutMs,
    })
    const status = sdkCall.received[0]?.response.status ?? 0
    if (scenario !== 'valid' && status >= 400) gate.result.provoked[scenario as Exclude<GateCase, 'valid'>]++
    return sdkCall
  }
  return {
    // One call at a time, whatever the engine prefetches: the recorder attributes the mock's requests by time.
    send(request, scenario) {
      const next = queue.then(() => call(request, scenario))
      queue = next.catch(() => undefined)
      return next
    },
    judged: (sdkCall) => ({ judged: sdkCall }),
    status: (sdkCall) => sdkCall.received[0]?.response.status,
  }
}

function noteAccepted(result: GateResult, known: Violation[], operation: Operation) {
  for (const { known: id } of known) {
    if (id === undefined) continue
    let finding = result.accepted.find((accepted) => accepted.id === id)
    if (finding === undefined) {
      finding = { id, operations: [] }
      result.accepted.push(finding)
    }
    if (!finding.operations.includes(operation.id)) finding.operations.push(operation.id)
  }
}

function parametersOf(request: GeneratedRequest): Payload {
  return (request.body ?? request.query) as Payload
}

/**
 * The parameters of the error cases: a valid request, and the same broken in one place of its
 * schema (one mutation of a valid payload, as the negative suite makes them), if the operation
 * takes anything that can break. Drawn once per operation, not from the invalid-request arbitrary:
 * the gate needs one such request, not every kind of invalid one.
 */
function errorCaseRequests(
  operation: Operation,
  seed: number,
): { valid: GeneratedRequest; schemaBroken?: GeneratedRequest } {
  const draw = (numRuns: number) =>
    fc.sample(validRequest(operation), { seed: operationSeed(seed, `sdk errors ${operation.id}`), numRuns })
  const location = operation.input.in
  const breakable = (request: GeneratedRequest) => {
    const payload = parametersOf(request)
    return { request, mutations: payloadMutations(operation.input.schema, payload, location) }
  }
  // Most payloads can break: a second look only for those that cannot (an optional filter left out).
  let samples = draw(1).map(breakable)
  if (samples.every(({ mutations }) => mutations.length === 0)) samples = draw(BROKEN_TRIES).map(breakable)
  const valid = (samples[0] as (typeof samples)[number]).request
  const base = samples.find(({ mutations }) => mutations.length > 0)
  if (base === undefined) return { valid }
  const pick = operationSeed(seed, `sdk invalid ${operation.id}`) >>> 0
  const mutation = base.mutations[pick % base.mutations.length] as Mutation
  const broken = applyMutation(parametersOf(base.request), mutation)
  const invalid = {
    breaks: 'schema' as const,
    label: mutation.label,
    keyword: mutation.keyword,
    at: mutation.at,
  }
  return {
    valid,
    schemaBroken:
      location === 'body'
        ? { ...base.request, body: broken, invalid }
        : { ...base.request, query: broken as Payload, invalid },
  }
}

/** Valid payloads drawn to find one with something to break. */
const BROKEN_TRIES = 5

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
