// `npm run sdk-gate`: the SDK release gate. Calls every operation the SDK exposes against the
// contract mock and checks what the SDK returns, sends and throws. Writes sdk-gate.txt,
// sdk-gate.junit.xml and Allure results. Exit 0 only when no check failed.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { integerSetting } from '../contracts/numbers.ts'
import { buildOperations } from '../contracts/operations.ts'
import { selectOperations } from '../contracts/selection.ts'
import { loadSpec } from '../contracts/spec.ts'
import { randomSeed } from '../suites/support/config.ts'
import { secretValues } from '../contracts/credentials.ts'
import { createProgress, printProgress, progressListener } from '../suites/engine/progress.ts'
import { redactForReport } from '../suites/support/allure/redact.ts'
import { writeGateAllure } from '../suites/sdk/allure.ts'
import { GATE_SECRETS, type GateResult, runSdkGate } from '../suites/sdk/gate.ts'
import { gateJunit } from '../suites/sdk/junit.ts'
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
                         operation ids) (default: every operation the SDK exposes)
  --runs <n>             generated valid calls per operation (default ${SDK_GATE_RUNS})
  --seed <n>             SEAM_SEED: replay a run (default: random, printed)
  --reports <dir>        where sdk-gate.txt, sdk-gate.junit.xml and allure-results/ go (default reports)
  -h, --help

Exit codes:
  ${EXIT.pass}  every check passed
  ${EXIT.violations}  the gate found violations (a failed check, or a method lost since --baseline)
  ${EXIT.usage}  a bad flag or operation filter, or any other error
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
  const where = 'the contract mock'
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
  }
  const result = await runSdkGate(options).finally(() => printer.stop())

  const secrets = secretValues(GATE_SECRETS)
  const settings: GateSettings = {
    seed,
    runs,
    defaultRuns: SDK_GATE_RUNS,
    ...(values.sdk === undefined ? {} : { sdk: values.sdk }),
  }
  const failures = result.failures
    .filter((failure) => failure.kind === 'violation')
    .map((failure) => formatFailure(failure, settings, secrets))
  const targetFailures = result.failures.length - failures.length
  const durationMs = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  const lost = comparison?.lost.length ?? 0
  const verdict = [
    ...(failures.length === 0 ? [] : [`${failures.length} failure(s)`]),
    ...(targetFailures === 0 ? [] : [`${targetFailures} target failure(s)`]),
    ...(lost === 0 ? [] : [`${lost} method(s) lost since ${comparison?.baseline}`]),
  ]
  const summary = [
    `${result.checked.length} operations called through the SDK (${result.calls} calls, ${seconds(durationMs)} s, ${seconds((cpu.user + cpu.system) / 1000)} s CPU);`,
    `errors provoked: ${result.provoked.invalid_input} invalid input, ${result.provoked.unauthorized} unauthorized, ${result.provoked.api_error} other API errors`,
    `valid calls answered: ${Object.entries(result.validAnswers)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([answered, count]) => `${count} ${answered}`)
      .join(', ')}`,
    ...skippedLines(result),
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
  process.stdout.write([coverage, '', ...findings.flatMap((text) => [text, '']), summary, ''].join('\n'))
  const report = [
    `SDK gate: ${sdk.name} against ${where}, seed ${seed}, ${runs} run(s)`,
    coverage,
    formatOtherMethods(result),
    ...findings,
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
  return verdict.length === 0 ? EXIT.pass : EXIT.violations
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
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  )
}

runMain('sdk-gate', main, exitCodeOf)
