// The SDK release gate: every operation the SDK exposes, called through the SDK with generated
// valid parameters, and once each to provoke an error the SDK must surface as its own. One run plan
// for the engine, whose target is the SDK (./sdk-target.ts): here against the contract mock, or
// against a sandbox workspace through ./live-gate.ts. The checks (./checks) judge each call; the
// coverage says what either side lacks; every verdict is kept for the reports (./junit.ts, ./allure.ts).
import fc from 'fast-check'

import { validRequest } from '../../contracts/arbitraries/request.ts'
import type { AuthVariant } from '../../contracts/auth.ts'
import type { AuthSecrets } from '../../contracts/credentials.ts'
import { buildOperations, type Operation } from '../../contracts/operations.ts'
import type { GeneratedRequest } from '../../contracts/request.ts'
import { selectOperations } from '../../contracts/selection.ts'
import type { Spec } from '../../contracts/spec.ts'
import { createValidators } from '../../contracts/validators.ts'
import { errorEnvelope } from '../../mock/responses.ts'
import { type Fault, startMock } from '../../mock/server.ts'
import type { Violation } from '../checks/types.ts'
import { createEngine, type OperationPlan, type RunPlan } from '../engine/engine.ts'
import type { FailureCategory, Listener, Verdict } from '../engine/events.ts'
import { credentialFor, noCredentialReason } from '../scenarios/credentials.ts'
import type { Plan } from '../scenarios/types.ts'
import { MOCK_SECRETS } from '../support/mock-secrets.ts'
import { ANSWER_CHECKS } from './answer-checks.ts'
import { type WireRecorder, wireRecorder } from './call.ts'
import { SDK_CHECKS } from './checks/index.ts'
import { type SdkCoverage, sdkCoverage } from './checks/sdk-coverage.ts'
import { sdkErrors } from './checks/sdk-errors.ts'
import { sdkRequest } from './checks/sdk-request.ts'
import type { SdkCall, SdkCheck, SdkCheckContext } from './checks/types.ts'
import { discoverRoutes } from './discovery.ts'
import { errorCaseRequests } from './error-cases.ts'
import { replayCommand } from './replay.ts'
import type { Sdk } from './sdk.ts'
import { type BoundOperation, sdkClients, sdkTarget } from './sdk-target.ts'

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
  /** Once true (Ctrl-C), no further operation is called; the result holds those that were. */
  stopped?: () => boolean
  /** The command printed to replay an operation's failure; by default, the gate's own with this seed. */
  replay?: (operationId: string) => string
}

/**
 * Which call of an operation a verdict is about: generated valid parameters, then one call each
 * for invalid input, a wrong credential, and another API error (the mock's scripted one, or a
 * live workspace's 404 for an ID it never had).
 */
export type GateCase = 'valid' | 'invalid_input' | 'unauthorized' | 'api_error' | 'not_found'
export type ErrorCase = Exclude<GateCase, 'valid'>

export type GateFailure = {
  operation: Operation
  sdkPath: string
  case: GateCase
  /** A check broken (`violation`), or no answer about the SDK at all (`target_failure`). */
  kind: 'violation' | 'target_failure'
  category: FailureCategory
  violations: Violation[]
  call: SdkCall
  /** For generated valid calls: how fast-check found and shrank it. */
  property?: { seed: number; path: string; runs: number }
}

/**
 * One verdict of the engine, with the SDK method, how long it took since the run's previous event,
 * and for a failed check the failure as the report shows it.
 */
export type GateVerdict = {
  verdict: Verdict<SdkCall>
  sdkPath: string
  durationMs: number
  failure?: GateFailure
}

export type GateResult = {
  sdk: string
  target: 'mock' | 'live'
  /** Where the SDK's requests went: the embedded mock, or the workspace's endpoint. */
  endpoint: string
  coverage: SdkCoverage
  /** Operations called, and those the gate could not call, with the reason. */
  checked: Operation[]
  skipped: { operation: Operation; reason: string }[]
  failures: GateFailure[]
  calls: number
  /** How many error answers each provoked case actually got. */
  provoked: Record<ErrorCase, number>
  /** The valid calls' answers by status class (`2xx`, `4xx`, `5xx`, `none`): how many results were there to judge. */
  validAnswers: Record<string, number>
  /** Known findings (./known-findings.ts) seen in this run: reported, not failing the gate. */
  accepted: AcceptedFinding[]
  /** Every verdict, in the order the engine gave them: what the JUnit and Allure reports show. */
  verdicts: GateVerdict[]
  /** Set when the gate was stopped (Ctrl-C) before calling every operation it planned to. */
  interrupted?: { planned: number }
}

/** A known finding and the operations it showed on (shrinking an unrelated failure may show it again). */
export type AcceptedFinding = { id: string; operations: string[] }

/** The run's credentials against the mock: its defaults, which the embedded mock takes and nothing else. */
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

/** The gate against the embedded contract mock. */
export async function runSdkGate(options: GateOptions): Promise<GateResult> {
  const { seed } = options
  const recorder = wireRecorder()
  const fault = options.fault
  const mock = await startMock({
    accepted: GATE_SECRETS,
    onExchange: recorder.onExchange,
    fault: (context) =>
      scriptedError({ ...context, response: fault === undefined ? context.response : fault(context) }),
  })
  try {
    return await runGate({
      ...options,
      target: 'mock',
      endpoint: mock.url,
      secrets: GATE_SECRETS,
      recorder,
      timeoutMs: options.timeoutMs ?? 10_000,
      planFor: (operation) => ({ scenarios: mockScenarios(operation, seed), skips: [] }),
      headersFor: (scenario) => (scenario === 'api_error' ? { [SCRIPTED_ERROR_HEADER]: '1' } : undefined),
    })
  } finally {
    await mock.close()
  }
}

/** What differs between the mock and a live workspace; the rest of a gate run is the same. */
export type GateTarget = Omit<GateOptions, 'fault' | 'timeoutMs'> & {
  target: GateResult['target']
  /** Where the SDK's clients send their requests. */
  endpoint: string
  /** Where those requests end up, when the clients send them through something else (the live wire). */
  reportedEndpoint?: string
  /** The credentials the SDK calls with. */
  secrets: AuthSecrets
  recorder: WireRecorder
  timeoutMs: number
  /** An operation's scenarios, and the checks it skips with their reasons. */
  planFor(operation: Operation, credential: AuthVariant): Plan<SdkCheckContext, SdkCall>
  headersFor?: (scenario: string) => Record<string, string> | undefined
  /** How long one property may take, shrinking included (the engine's default otherwise). */
  budgetMs?: number
  /** Told which scenario the next call is for (the live wire logs what each request was for). */
  beforeCall?: (scenario: string) => void
}

export async function runGate(gate: GateTarget): Promise<GateResult> {
  const { sdk, spec, seed, runs } = gate
  const operations = buildOperations(spec)
  const validators = createValidators(spec)
  const coverage = sdkCoverage(await discoverRoutes(sdk), operations)
  const selected =
    gate.operations === undefined ? undefined : new Set(selectOperations(operations, gate.operations))
  const result: GateResult = {
    sdk: sdk.name,
    target: gate.target,
    endpoint: gate.reportedEndpoint ?? gate.endpoint,
    coverage,
    checked: [],
    skipped: [],
    failures: [],
    calls: 0,
    provoked: { invalid_input: 0, unauthorized: 0, api_error: 0, not_found: 0 },
    validAnswers: {},
    accepted: [],
    verdicts: [],
  }
  const bound: BoundOperation[] = []
  const plans: OperationPlan<SdkCheckContext, SdkCall>[] = []
  const sdkPaths = new Map<Operation, string>()
  for (const { sdkPath, operation } of coverage.bound) {
    if (selected !== undefined && !selected.has(operation)) continue
    sdkPaths.set(operation, sdkPath)
    const context = { operation, validators, errors: sdk.errors }
    const credential = credentialFor(operation, gate.secrets)
    if (credential === undefined) {
      const reason = noCredentialReason(operation, gate.secrets)
      result.skipped.push({ operation, reason })
      plans.push({ operation, context, scenarios: [], skips: skipsOf(operation, gate.target, reason) })
      continue
    }
    const plan = gate.planFor(operation, credential)
    if (plan.scenarios.length === 0) {
      result.skipped.push({ operation, reason: plan.skips[0]?.reason ?? 'no case applies' })
    } else {
      result.checked.push(operation)
      bound.push({ operation, sdkPath, credential })
    }
    plans.push({ operation, context, ...plan })
  }
  if (selected !== undefined && plans.length === 0) {
    throw new Error(`no SDK method calls the selected operations ("${gate.operations}")`)
  }
  // A selected operation no SDK method calls is said, with why, rather than left out unremarked.
  for (const operation of selected ?? []) {
    if (sdkPaths.has(operation)) continue
    const methods = coverage.bound
      .filter((binding) => binding.operation.path === operation.path)
      .map((binding) => binding.operation.method.toUpperCase())
    const reason = `no SDK method calls it${methods.length === 0 ? '' : ` (the SDK calls its path with ${[...new Set(methods)].join(', ')})`}`
    result.skipped.push({ operation, reason })
  }
  const target = sdkTarget({
    bound,
    clients: sdkClients(sdk, gate.endpoint, gate.secrets),
    recorder: gate.recorder,
    timeoutMs: gate.timeoutMs,
    ...(gate.headersFor === undefined ? {} : { headersFor: gate.headersFor }),
    ...(gate.beforeCall === undefined ? {} : { beforeCall: gate.beforeCall }),
    onCall(call, scenario) {
      result.calls++
      const status = call.received[0]?.response.status ?? 0
      if (scenario !== 'valid' && status >= 400) result.provoked[scenario as ErrorCase]++
      if (scenario === 'valid') {
        const answered = status === 0 ? 'none' : `${Math.floor(status / 100)}xx`
        result.validAnswers[answered] = (result.validAnswers[answered] ?? 0) + 1
      }
    },
  })
  const plan: RunPlan<SdkCheckContext, SdkCall, SdkCall> = {
    operations: plans,
    target,
    seed,
    runs,
    // Calls run one at a time: everything the server receives during a call belongs to it.
    concurrency: 1,
    ...(gate.budgetMs === undefined ? {} : { budgetMs: gate.budgetMs }),
    ...(gate.stopped === undefined ? {} : { stopped: gate.stopped }),
    replay: (operation) =>
      gate.replay?.(operation.id) ?? replayCommand({ seed, runs, defaultRuns: runs }, operation.id),
  }
  let lastEvent = performance.now()
  const finished = new Set<Operation>()
  await createEngine(plan, (event) => {
    gate.onEvent?.(event)
    if (event.type === 'operation_finished') finished.add(event.operation)
    const now = performance.now()
    const since = now - lastEvent
    lastEvent = now
    if (event.type === 'known_finding') noteAccepted(result, event.known, event.operation)
    if (
      event.type !== 'check_passed' &&
      event.type !== 'violation' &&
      event.type !== 'target_failure' &&
      event.type !== 'skipped'
    )
      return
    const sdkPath = sdkPaths.get(event.operation) ?? ''
    if (event.type === 'violation' || event.type === 'target_failure') {
      const failure = failureOf(event, sdkPath)
      result.failures.push(failure)
      result.verdicts.push({ verdict: event, sdkPath, durationMs: since, failure })
    } else result.verdicts.push({ verdict: event, sdkPath, durationMs: since })
  }).run()
  // Stopped early: only the operations it called were checked.
  if (gate.stopped?.() === true && finished.size < result.checked.length) {
    result.interrupted = { planned: result.checked.length }
    result.checked = result.checked.filter((operation) => finished.has(operation))
  }
  return result
}

function failureOf(
  event: Extract<Verdict<SdkCall>, { type: 'violation' | 'target_failure' }>,
  sdkPath: string,
): GateFailure {
  const { operation, scenario, exchange: call } = event
  const failed = call.received.find((received) => received.failure !== undefined)?.failure
  return {
    operation,
    sdkPath,
    case: scenario as GateCase,
    kind: event.type,
    category: event.type === 'violation' ? event.category : (failed?.category ?? 'transport'),
    violations:
      event.type === 'violation' ? event.violations : [{ check: event.check, message: event.error }],
    call,
    ...(scenario === 'valid' ? { property: { seed: event.seed, path: event.path, runs: event.runs } } : {}),
  }
}

/**
 * The checks each case is held to. Against the mock the answers the SDK got are also held to the
 * wire checks (void_shape, object_shape), so a mock that breaks the contract cannot make the gate
 * pass for the wrong reason; against a workspace the answers are the live conformance run's to judge.
 */
export function caseChecks(operation: Operation, name: GateCase, target: GateResult['target']): SdkCheck[] {
  const own = name === 'valid' ? SDK_CHECKS : name === 'invalid_input' ? [sdkErrors] : [sdkErrors, sdkRequest]
  return [...own, ...(target === 'mock' ? ANSWER_CHECKS : [])].filter((check) => check.appliesTo(operation))
}

/** The cases a target gives an operation, in order. */
export const GATE_CASES: Record<GateResult['target'], GateCase[]> = {
  mock: ['valid', 'invalid_input', 'unauthorized', 'api_error'],
  live: ['valid', 'invalid_input', 'unauthorized', 'not_found'],
}

/** Every check of every case of an operation, skipped for one reason. */
export function skipsOf(operation: Operation, target: GateResult['target'], reason: string) {
  return GATE_CASES[target].flatMap((scenario) =>
    caseChecks(operation, scenario, target).map((check) => ({ check: check.name, scenario, reason })),
  )
}

/**
 * An operation's cases against the mock: generated valid parameters (every check on every call, a
 * failure shrinks to the smallest parameters), and one call for each error the SDK must surface as
 * its own: invalid input, a wrong key, another API error.
 */
function mockScenarios(operation: Operation, seed: number) {
  const { valid, schemaBroken } = errorCaseRequests(operation, seed)
  const once = (name: GateCase, request: GeneratedRequest) => ({
    name,
    requests: fc.constant(request),
    checks: caseChecks(operation, name, 'mock'),
    runs: 1,
  })
  return [
    { name: 'valid', requests: validRequest(operation), checks: caseChecks(operation, 'valid', 'mock') },
    // The SDK may refuse to serialise a broken payload at all: only what reaches the mock is judged.
    ...(schemaBroken === undefined ? [] : [once('invalid_input', schemaBroken)]),
    once('unauthorized', valid),
    once('api_error', valid),
  ]
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
