// `npm run sdk-gate`: the SDK release gate. Calls every operation the SDK exposes against the
// contract mock (or, with --target live, a sandbox workspace) and checks what the SDK returns, sends
// and throws. Writes sdk-gate.txt, sdk-gate.junit.xml and Allure results. Exit 0 only when no check failed.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { integerSetting } from '../contracts/numbers.ts'
import { buildOperations } from '../contracts/operations.ts'
import { selectOperations } from '../contracts/selection.ts'
import { loadSpec } from '../contracts/spec.ts'
import { LIVE_DEFAULTS, randomSeed, resolveConfig, type RunConfig } from '../suites/support/config.ts'
import { secretValues } from '../contracts/credentials.ts'
import { createProgress, printProgress, progressListener } from '../suites/engine/progress.ts'
import { preflight } from '../suites/live/preflight.ts'
import { redactForReport } from '../suites/support/allure/redact.ts'
import { createInterrupt } from './lib/interrupt.ts'
import { writeGateAllure } from '../suites/sdk/allure.ts'
import { GATE_SECRETS, type GateResult, runSdkGate } from '../suites/sdk/gate.ts'
import { gateJunit } from '../suites/sdk/junit.ts'
import { type LiveGateResult, runLiveSdkGate } from '../suites/sdk/live-gate.ts'
import { compareWithBaseline, formatBaseline } from '../suites/sdk/baseline.ts'
import { loadSdk, pinnedSdkVersion, SdkInstallError, SdkLoadError } from '../suites/sdk/load-sdk.ts'
import {
  formatAccepted,
  formatCoverage,
  formatFailure,
  formatOtherMethods,
  formatTargetFailures,
  type GateSettings,
} from '../suites/sdk/report.ts'
import { parseCommandFlags, reportsDirectory, runMain, UsageError } from './lib/cli.ts'
import { assertReachable } from './lib/reachable.ts'

/** Generated valid calls per operation: enough to vary every parameter, few enough for CI (see README). */
export const SDK_GATE_RUNS = 3

/** How the gate ends: a CI step can tell "the SDK broke the contract" from "the SDK never ran". */
export const EXIT = { pass: 0, violations: 1, usage: 2, install: 3, load: 4 } as const

const USAGE = `Usage: npm run sdk-gate -- [options]

Options:
  --sdk <spec>           the SDK under test: a version or dist-tag (2.32.0, latest, next, also as
                         @seamapi/http@<version or tag>), a tarball or a directory
                         (default: the version pinned in package.json)
  --baseline <spec>      the previous release, in the same forms as --sdk: a method it had that --sdk
                         lost fails the gate, unless the spec dropped its operation too
                         (default: the version pinned in package.json; none: no comparison)
  --operations <filter>  SEAM_OPERATIONS: only these operations (seed | all | path prefixes |
                         operation ids | method and path prefix, 'GET /events')
                         (default: every operation the SDK exposes)
  --runs <n>             generated valid calls per operation (default ${SDK_GATE_RUNS})
  --seed <n>             SEAM_SEED: replay a run (default: random, printed)
  --reports <dir>        where sdk-gate.txt, sdk-gate.junit.xml and allure-results/ go (default reports)
  -h, --help

Against a sandbox workspace (--target live; SEAM_TARGET=live):
  --target <mock|live>   SEAM_TARGET (default mock: the embedded contract mock)
  --endpoint <url>       SEAM_ENDPOINT (default ${LIVE_DEFAULTS.endpoint})
  --allow-production     SEAM_ALLOW_PRODUCTION=1  run against a workspace that is not a sandbox
  --max-run-ms <n>       SEAM_MAX_RUN_MS   bound on the whole run (default ${LIVE_DEFAULTS.maxRunMs})
  Credentials: SEAM_API_KEY, or SEAM_PERSONAL_ACCESS_TOKEN with SEAM_WORKSPACE_ID; SEAM_USER_IDENTITY_ID
  names a user identity if the workspace can neither create nor list one. The ledger of created
  resources is <reports>/live-ledger.jsonl, shared with npm run conformance -- --target live.

Exit codes (Ctrl-C or SIGTERM: the operation under way finishes, the reports hold what was
called, then 130 or 143; a second signal ends the gate at once):
  ${EXIT.pass}  every check passed
  ${EXIT.violations}  the gate found violations (a failed check, a method lost since --baseline, or
     live: a target failure, or something the run created that it could not remove)
  ${EXIT.usage}  a bad flag or operation filter, a live run refused by its preflight, or any other error
  ${EXIT.install}  npm could not install --sdk or --baseline, or what it installs is not @seamapi/http
  ${EXIT.load}  the SDK is installed but @seamapi/http/connect cannot be imported or lacks what the gate calls`

async function main(): Promise<number> {
  const { values } = parseFlags()
  const runs = integerSetting('--runs', values.runs, SDK_GATE_RUNS, { kind: 'positive', error: UsageError })
  const seed = integerSetting('--seed', values.seed ?? process.env.SEAM_SEED, randomSeed(), {
    error: UsageError,
  })
  if (values.sdk?.trim() === '') throw new UsageError('--sdk needs an npm spec, a tarball or a directory')
  if (values.baseline?.trim() === '')
    throw new UsageError('--baseline needs a version, a tarball, a directory or none')
  const live = liveConfig(values, seed)
  const reports = reportsDirectory(values.reports)
  const operations = values.operations ?? nonEmpty(process.env.SEAM_OPERATIONS)
  const spec = await loadSpec()
  if (operations !== undefined) selectOperations(buildOperations(spec), operations)
  const sdk = await loadSdk(values.sdk)
  const baselineSpec = values.baseline ?? pinnedSdkVersion()
  const baseline = baselineSpec === 'none' ? undefined : await loadSdk(baselineSpec, { flag: '--baseline' })
  // The candidate against itself (the pinned release, by default) has nothing to compare.
  const comparison =
    baseline === undefined || baseline.name === sdk.name
      ? undefined
      : compareWithBaseline(baseline, sdk, spec)
  const where = live === undefined ? 'the contract mock' : `${live.endpoint} (${await workspaceLine(live)})`
  // Ctrl-C: the operation under way finishes, then the reports say what was called.
  const interrupt = createInterrupt(
    'sdk-gate',
    'finishing the operation under way, then the reports of what ran',
  )
  interrupt.start(() => {})
  const startedAt = new Date()
  const started = performance.now()
  const cpuBefore = process.cpuUsage()
  process.stdout.write(
    `SDK gate: ${sdk.name} against ${where}, seed ${seed}, ${runs} run(s) per operation\n\n`,
  )

  const progress = createProgress(0)
  const printer = printProgress(progress, (line) => process.stdout.write(line))
  const options = {
    sdk,
    spec,
    seed,
    runs,
    ...(operations === undefined ? {} : { operations }),
    onEvent: progressListener(progress),
    stopped: interrupt.interrupted,
  }
  let liveResult: LiveGateResult | undefined
  const result: GateResult = await (
    live === undefined
      ? runSdkGate(options)
      : runLiveSdkGate({
          ...options,
          config: live,
          reports,
          print: (line) => process.stdout.write(`${line}\n`),
        }).then((run) => (liveResult = run))
  ).finally(() => printer.stop())

  const secrets = [
    ...new Set([...secretValues(GATE_SECRETS), ...(live === undefined ? [] : secretValues(live.auth))]),
  ]
  const settings: GateSettings = {
    seed,
    runs,
    defaultRuns: SDK_GATE_RUNS,
    ...(values.sdk === undefined ? {} : { sdk: values.sdk }),
    ...(live === undefined ? {} : { endpoint: live.endpoint }),
  }
  const failures = result.failures
    .filter((failure) => failure.kind === 'violation')
    .map((failure) => formatFailure(failure, settings, secrets))
  const targetFailures = result.failures.length - failures.length
  const durationMs = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  const leftBehind =
    liveResult === undefined ? 0 : liveResult.live.cleaned.left.length + liveResult.live.leftovers.length
  const lost = comparison?.lost.length ?? 0
  const verdict = [
    ...(failures.length === 0 ? [] : [`${failures.length} failure(s)`]),
    ...(targetFailures === 0 ? [] : [`${targetFailures} target failure(s)`]),
    ...(lost === 0 ? [] : [`${lost} method(s) lost since ${comparison?.baseline}`]),
    ...(leftBehind === 0 ? [] : [`${leftBehind} resource(s) the run created left behind`]),
  ]
  const summary = [
    `${result.checked.length} operations called through the SDK (${result.calls} calls, ${seconds(durationMs)} s, ${seconds((cpu.user + cpu.system) / 1000)} s CPU);`,
    `errors provoked: ${result.provoked.invalid_input} invalid input, ${result.provoked.unauthorized} unauthorized, ${live === undefined ? `${result.provoked.api_error} other API errors` : `${result.provoked.not_found} not found`}`,
    `valid calls answered: ${Object.entries(result.validAnswers)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([answered, count]) => `${count} ${answered}`)
      .join(', ')}`,
    ...skippedLines(result),
    ...(result.interrupted === undefined
      ? []
      : [
          `INTERRUPTED: ${result.checked.length} of the ${result.interrupted.planned} operations were called before it; the verdict is theirs alone`,
        ]),
    verdict.length === 0 ? 'PASS: no check failed' : `FAIL: ${verdict.join(', ')}`,
  ].join('\n')
  const coverage = [
    formatCoverage(result),
    ...(comparison === undefined ? [] : ['', formatBaseline(comparison)]),
  ].join('\n')
  const accepted = formatAccepted(result)
  const unjudged = formatTargetFailures(result)
  const findings = [
    ...failures,
    ...(unjudged === undefined ? [] : [unjudged]),
    ...(accepted === undefined ? [] : [accepted]),
  ]
  const liveSummary = liveResult === undefined ? [] : [liveResult.live.summary]
  process.stdout.write(
    [coverage, '', ...findings.flatMap((text) => [text, '']), ...liveSummary, summary, ''].join('\n'),
  )
  const report = [
    `SDK gate: ${sdk.name} against ${where}, seed ${seed}, ${runs} run(s)`,
    coverage,
    formatOtherMethods(result),
    ...findings,
    ...liveSummary,
    summary,
    '',
  ].join('\n\n')
  writeFileSync(join(reports, 'sdk-gate.txt'), redactForReport(report, secrets))
  const reportInput = {
    result,
    settings,
    ...(comparison === undefined ? {} : { comparison }),
    secrets,
    startedAt,
    durationMs,
  }
  writeFileSync(join(reports, 'sdk-gate.junit.xml'), gateJunit(reportInput))
  writeGateAllure(join(reports, 'allure-results'), {
    ...reportInput,
    summary: redactForReport(report, secrets),
  })
  interrupt.dispose()
  return interrupt.exitCode() ?? (verdict.length === 0 ? EXIT.pass : EXIT.violations)
}

type Flags = ReturnType<typeof parseFlags>['values']

/** Live mode's configuration, read as `npm run conformance -- --target live` reads it; undefined against the mock. */
function liveConfig(values: Flags, seed: number): LiveGateConfig | undefined {
  const target = values.target ?? nonEmpty(process.env.SEAM_TARGET) ?? 'mock'
  if (target !== 'mock' && target !== 'live')
    throw new UsageError(`--target must be "mock" or "live", not "${target}"`)
  if (target === 'mock') {
    const liveOnly = (['endpoint', 'allow-production', 'max-run-ms'] as const).find(
      (flag) => values[flag] !== undefined,
    )
    if (liveOnly !== undefined) throw new UsageError(`--${liveOnly} is for --target live`)
    return undefined
  }
  const env: Record<string, string | undefined> = {
    ...process.env,
    SEAM_TARGET: 'live',
    SEAM_SEED: String(seed),
  }
  if (values.endpoint !== undefined) env.SEAM_ENDPOINT = values.endpoint
  if (values['max-run-ms'] !== undefined) env.SEAM_MAX_RUN_MS = values['max-run-ms']
  if (values['allow-production'] === true) env.SEAM_ALLOW_PRODUCTION = '1'
  let config: RunConfig
  try {
    config = resolveConfig(env, () => seed)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const reports = reportsDirectory(values.reports)
  return {
    ...config,
    endpoint: config.endpoint as string,
    live: {
      ...(config.live as NonNullable<RunConfig['live']>),
      ledgerPath: join(reports, 'live-ledger.jsonl'),
    },
  }
}

type LiveGateConfig = RunConfig & { endpoint: string; live: NonNullable<RunConfig['live']> }

/** The preflight of live mode: the endpoint answers, takes the credential, and is a sandbox (or production was allowed). */
async function workspaceLine(config: LiveGateConfig): Promise<string> {
  await assertReachable(config.endpoint, Math.min(config.timeoutMs, 5000))
  const workspace = await preflight(config, config.endpoint)
  return `workspace "${workspace.name}" (${workspace.workspaceId})${workspace.isSandbox ? ', a sandbox' : ', NOT a sandbox (--allow-production)'}`
}

/** Operations the gate could not call: by name when few, counted by reason when many (a live run's). */
function skippedLines(result: GateResult): string[] {
  if (result.skipped.length <= 10)
    return result.skipped.map(({ operation, reason }) => `skipped ${operation.id}: ${reason}`)
  const byReason = new Map<string, number>()
  for (const { reason } of result.skipped) byReason.set(reason, (byReason.get(reason) ?? 0) + 1)
  return [...byReason].map(([reason, count]) => `skipped ${count} operations: ${reason}`)
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1)
}

/** An environment variable the workflow sets from an input that may be empty: empty is unset. */
function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value
}

function exitCodeOf(error: unknown): number {
  if (error instanceof SdkInstallError) return EXIT.install
  if (error instanceof SdkLoadError) return EXIT.load
  return EXIT.usage
}

function parseFlags() {
  return parseCommandFlags(
    {
      sdk: { type: 'string' },
      baseline: { type: 'string' },
      operations: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      reports: { type: 'string', default: 'reports' },
      target: { type: 'string' },
      endpoint: { type: 'string' },
      'allow-production': { type: 'boolean' },
      'max-run-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  )
}

runMain('sdk-gate', main, exitCodeOf)
