// The SDK gate against a sandbox workspace: the same guard, budget and ledger as live mode. The
// caller has run the preflight (credential, sandbox guard). Here: what a killed run left in the
// ledger is cleaned, the fixtures are found (or created and written to the ledger), the SDK calls
// go through the live wire (./live-wire.ts) to the workspace, and live mode's safety rules decide
// what each operation is sent (suites/live/live-plan.ts: the seed operations with the fixtures'
// IDs, the read-only ones, the creates whose undo the workspace serves). At the end, passed or
// failed, everything the run created is removed and the list endpoints are searched for leftovers.
import { appendFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

import fc from 'fast-check'

import { validRequest } from '../../contracts/arbitraries/request.ts'
import { buildOperations, type Operation } from '../../contracts/operations.ts'
import type { GeneratedRequest } from '../../contracts/request.ts'
import { selectOperations } from '../../contracts/selection.ts'
import type { RunConfig } from '../support/config.ts'
import { createdBy } from '../live/created.ts'
import type { Finding } from '../live/findings.ts'
import { findFixtures, idBindings } from '../live/fixtures.ts'
import { cleanLedger, type CleanResult, describeEntry, type LedgerEntry, readLedger } from '../live/ledger.ts'
import { appendExchange, createLiveClient, createLiveSender } from '../live/live-client.ts'
import { type LiveSuite, livePlan, liveSuitesFor } from '../live/live-plan.ts'
import type { LiveRunFiles } from '../live/provided.ts'
import { newRunTag, record } from '../live/run-context.ts'
import { type Leftover, summarise, taggedLeftovers, writeLiveSummary } from '../live/run-summary.ts'
import { undoableCreates } from '../live/undo-probe.ts'
import type { Plan, Scenario } from '../scenarios/types.ts'
import { wireRecorder } from './call.ts'
import type { SdkCall, SdkCheckContext } from './checks/types.ts'
import { errorCaseRequests } from './error-cases.ts'
import {
  caseChecks,
  type GateCase,
  type GateFailure,
  type GateOptions,
  type GateResult,
  runGate,
  skipsOf,
} from './gate.ts'
import { startLiveWire } from './live-wire.ts'

export type LiveGateOptions = Omit<GateOptions, 'fault' | 'timeoutMs'> & {
  /** A live run's configuration (`resolveConfig` with `SEAM_TARGET=live`): credentials, endpoint, bounds. */
  config: RunConfig & { endpoint: string; live: NonNullable<RunConfig['live']> }
  /** Where the run's files go: the ledger, the findings, the exchange log, the summary. */
  reports: string
  print?: (line: string) => void
}

export type LiveGateResult = GateResult & {
  live: {
    runTag: string
    created: LedgerEntry[]
    cleaned: CleanResult
    leftovers: Leftover[]
    findings: Finding[]
    /** Each finding once, as `check: kind /path METHOD`: what docs/known-divergences.md lists for the fake. */
    divergences: string[]
    summary: string
  }
}

/** The gate's files beside live mode's own, so neither run overwrites the other's; the ledger is shared. */
export const LIVE_GATE_FILES = {
  findings: 'sdk-gate-live-findings.jsonl',
  exchanges: 'sdk-gate-live-exchanges.jsonl',
  summary: 'sdk-gate-live-summary.json',
} as const

export async function runLiveSdkGate(options: LiveGateOptions): Promise<LiveGateResult> {
  const { config, seed } = options
  const print = options.print ?? (() => {})
  const files: LiveRunFiles = {
    endpoint: config.endpoint,
    runTag: newRunTag(seed),
    deadline: Date.now() + config.live.maxRunMs,
    ledgerPath: config.live.ledgerPath,
    findingsPath: join(options.reports, LIVE_GATE_FILES.findings),
    exchangesPath: join(options.reports, LIVE_GATE_FILES.exchanges),
  }
  rmSync(files.findingsPath, { force: true })
  rmSync(files.exchangesPath, { force: true })
  const cleaner = () =>
    createLiveClient({
      endpoint: config.endpoint,
      auth: config.auth,
      timeoutMs: config.timeoutMs,
      concurrency: 1,
      // Clean-up gets its own time: it must run even when the run used up its bound.
      deadline: Date.now() + 5 * 60_000,
      onExchange: (exchange) => appendExchange(files.exchangesPath, exchange),
    })
  await cleanLeftLedger(files.ledgerPath, cleaner, print)

  const ledger = { runTag: files.runTag, ledgerPath: files.ledgerPath, recorded: new Set<string>() }
  // Passed, failed or crashed: what the run created is removed at the end.
  const outcome = await callThroughWire(options, files, ledger, print).then(
    (result) => ({ result }),
    (error: unknown) => ({ error }),
  )
  if ('result' in outcome) {
    for (const failure of outcome.result.failures)
      appendFileSync(files.findingsPath, `${JSON.stringify(findingOf(failure))}\n`)
  }

  const created = readLedger(files.ledgerPath).filter((entry) => entry.runTag === files.runTag)
  const cleanup = cleaner()
  try {
    const cleaned = await cleanLedger(files.ledgerPath, cleanup.call)
    const leftovers = await taggedLeftovers(cleanup, files.runTag)
    const summary = summarise({ files, created, cleaned, leftovers })
    writeLiveSummary(join(options.reports, LIVE_GATE_FILES.summary), summary.json)
    if ('error' in outcome) throw outcome.error
    const findings = summary.json.findings as Finding[]
    return {
      ...outcome.result,
      live: {
        runTag: files.runTag,
        created,
        cleaned,
        leftovers,
        findings,
        divergences: summary.json.divergences as string[],
        summary: summary.text.trim(),
      },
    }
  } finally {
    await cleanup.close()
  }
}

/**
 * The fixtures (found, or created and written to the ledger), then every SDK call through the live
 * wire, whose answers' creations go to the ledger too.
 */
async function callThroughWire(
  options: LiveGateOptions,
  files: LiveRunFiles,
  ledger: { runTag: string; ledgerPath: string; recorded: Set<string> },
  print: (line: string) => void,
): Promise<GateResult> {
  const { config, spec, seed } = options
  const operations = buildOperations(spec)
  const selected =
    options.operations === undefined ? operations : selectOperations(operations, options.operations)
  const fixtureClient = createLiveClient({
    endpoint: config.endpoint,
    auth: config.auth,
    timeoutMs: config.timeoutMs,
    concurrency: config.concurrency,
    deadline: files.deadline,
    onExchange: (exchange) => appendExchange(files.exchangesPath, exchange),
  })
  const hints = config.live.userIdentityId === undefined ? {} : { userIdentityId: config.live.userIdentityId }
  const { found, undoable } = await prepare(fixtureClient, ledger, hints, selected).finally(() =>
    fixtureClient.close(),
  )
  for (const finding of found.findings) appendFileSync(files.findingsPath, `${JSON.stringify(finding)}\n`)
  print(`live: run tag ${files.runTag} · ledger ${files.ledgerPath} · one SDK call at a time`)

  const client = createLiveSender({
    endpoint: config.endpoint,
    auth: config.auth,
    timeoutMs: config.timeoutMs,
    concurrency: config.concurrency,
    deadline: files.deadline,
    exchangesPath: files.exchangesPath,
  })
  const recorder = wireRecorder()
  let purpose: 'valid' | 'invalid' | 'credentials' = 'valid'
  const wire = await startLiveWire({
    client,
    secrets: config.auth,
    operations,
    recorder,
    purpose: () => purpose,
    onForwarded: (operation, exchange) => {
      if (operation === undefined) return
      for (const entry of createdBy(operation, exchange, found.fixtures)) record(ledger, entry)
    },
  })
  const ids = idBindings(found.fixtures)
  try {
    return await runGate({
      ...options,
      target: 'live',
      endpoint: wire.url,
      reportedEndpoint: config.endpoint,
      secrets: config.auth,
      recorder,
      // A call may wait out a few 429s (Retry-After, capped at 30 s) before its answer.
      timeoutMs: config.timeoutMs * 5 + 4 * 30_000,
      planFor: (operation) => livePlanFor(operation, { seed, secrets: config.auth, ids, undoable }),
      beforeCall: (scenario) => {
        purpose =
          scenario === 'invalid_input' ? 'invalid' : scenario === 'unauthorized' ? 'credentials' : 'valid'
      },
    })
  } finally {
    await wire.close()
    await client.close()
  }
}

/** The fixtures, and the creates whose undo the workspace serves (asked once, as live mode asks). */
async function prepare(
  client: ReturnType<typeof createLiveClient>,
  ledger: { runTag: string; ledgerPath: string; recorded: Set<string> },
  hints: { userIdentityId?: string },
  selected: Operation[],
) {
  const found = await findFixtures({ client, ...ledger }, hints)
  return { found, undoable: await undoableCreates(client, selected) }
}

/** What a run that was killed left in the ledger, removed before this one sends anything. */
async function cleanLeftLedger(
  ledgerPath: string,
  cleaner: () => ReturnType<typeof createLiveClient>,
  print: (line: string) => void,
): Promise<void> {
  if (readLedger(ledgerPath).length === 0) return
  const client = cleaner()
  const result = await cleanLedger(ledgerPath, client.call).finally(() => client.close())
  print(`live: cleaned ${result.removed.length} resource(s) an earlier run left in ${ledgerPath}`)
  for (const entry of result.removed) print(`  removed ${describeEntry(entry)}`)
  for (const { entry, reason } of result.left) print(`  could not remove ${describeEntry(entry)}: ${reason}`)
}

/** Each case of the gate, and the live suite whose safety rules it follows. */
const LIVE_CASES: [GateCase, LiveSuite][] = [
  ['valid', 'positive'],
  ['invalid_input', 'negative'],
  ['unauthorized', 'auth'],
  ['not_found', 'not_found'],
]

type LivePlanContext = {
  seed: number
  secrets: RunConfig['auth']
  ids: ReturnType<typeof idBindings>
  undoable: string[]
}

/**
 * An operation's cases against a workspace, each limited as live mode limits its suite: valid
 * calls carry the fixtures' IDs (cases that would need an ID the run has not are left out), the
 * schema-broken call goes to the seed operations only, the wrong credential is refused before any
 * lookup, and the 404 is asked for with an ID the workspace never had, of read-only operations.
 */
export function livePlanFor(operation: Operation, context: LivePlanContext): Plan<SdkCheckContext, SdkCall> {
  const decided = liveSuitesFor(operation, context.undoable)
  if ('skip' in decided) return { scenarios: [], skips: skipsOf(operation, 'live', decided.skip) }
  const { valid, schemaBroken } = errorCaseRequests(operation, context.seed, context.ids)
  const scenarios = (name: GateCase): Scenario<SdkCheckContext, SdkCall>[] => {
    const checks = caseChecks(operation, name, 'live')
    const once = (request: GeneratedRequest | undefined) =>
      request === undefined ? [] : [{ name, requests: fc.constant(request), checks, runs: 1 }]
    switch (name) {
      case 'valid':
        return [{ name, requests: validRequest(operation, context.ids), checks }]
      case 'invalid_input':
        return once(schemaBroken)
      case 'unauthorized':
        return once(valid)
      default:
        // Without the IDs: every ID is made up, none the workspace has.
        return [{ name, requests: validRequest(operation), checks, runs: 1 }]
    }
  }
  const options = { rules: 'seam' as const, auth: context.secrets, ids: context.ids }
  const plans = LIVE_CASES.map(([name, suite]) =>
    livePlan<SdkCheckContext, SdkCall>(
      suite,
      () => ({ scenarios: scenarios(name), skips: [] }),
      context.undoable,
    )(operation, options),
  )
  return { scenarios: plans.flatMap((plan) => plan.scenarios), skips: plans.flatMap((plan) => plan.skips) }
}

/** A failure as a live finding: the check stands for the property, as live conformance reports them. */
function findingOf(failure: GateFailure): Finding {
  const received = failure.call.received[0]
  const requestId = received?.response.headers['seam-request-id']
  const failed = failure.call.received.find((entry) => entry.failure !== undefined)?.failure
  return {
    kind:
      failure.kind === 'violation'
        ? failure.category === 'operation_missing'
          ? 'operation_missing'
          : failure.category === 'contract_violation'
            ? 'violation'
            : 'target_failure'
        : (failed?.kind ?? 'target_failure'),
    property: failure.violations[0]?.check ?? '',
    operation: `${failure.operation.path} ${failure.operation.method.toUpperCase()}`,
    detail: failure.violations[0]?.message ?? '',
    ...(requestId === undefined ? {} : { requestId }),
  }
}
