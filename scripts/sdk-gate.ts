// `npm run sdk-gate`: the SDK release gate. Calls every operation the SDK exposes against the
// contract mock and checks what the SDK returns, sends and throws. Exit 0 only when no check failed.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { integerSetting } from '../contracts/numbers.ts'
import { buildOperations } from '../contracts/operations.ts'
import { selectOperations } from '../contracts/selection.ts'
import { loadSpec } from '../contracts/spec.ts'
import { randomSeed } from '../suites/support/config.ts'
import { secretValues } from '../contracts/credentials.ts'
import { createProgress, printProgress, progressListener } from '../suites/engine/progress.ts'
import { GATE_SECRETS, runSdkGate } from '../suites/sdk/gate.ts'
import { loadSdk } from '../suites/sdk/load-sdk.ts'
import { formatAccepted, formatCoverage, formatFailure, formatOtherMethods } from '../suites/sdk/report.ts'
import { parseCommandFlags, reportsDirectory, runMain, UsageError } from './lib/cli.ts'

/** Generated valid calls per operation: enough to vary every parameter, few enough for CI (see README). */
export const SDK_GATE_RUNS = 3

const USAGE = `Usage: npm run sdk-gate -- [options]

Options:
  --sdk <spec>           the SDK under test: @seamapi/http@<version>, a tarball or a directory
                         (default: the version pinned in package.json)
  --operations <filter>  only these operations (seed | all | path prefixes | operation ids)
                         (default: every operation the SDK exposes)
  --runs <n>             generated valid calls per operation (default ${SDK_GATE_RUNS})
  --seed <n>             SEAM_SEED: replay a run (default: random, printed)
  --reports <dir>        where sdk-gate.txt goes (default reports)
  -h, --help`

async function main(): Promise<number> {
  const { values } = parseFlags()
  const runs = integerSetting('--runs', values.runs, SDK_GATE_RUNS, { kind: 'positive', error: UsageError })
  const seed = integerSetting('--seed', values.seed ?? process.env.SEAM_SEED, randomSeed(), {
    error: UsageError,
  })
  if (values.sdk?.trim() === '') throw new UsageError('--sdk needs an npm spec, a tarball or a directory')
  const reports = reportsDirectory(values.reports)
  const spec = await loadSpec()
  if (values.operations !== undefined) selectOperations(buildOperations(spec), values.operations)
  const sdk = await loadSdk(values.sdk)
  const started = performance.now()
  process.stdout.write(
    `SDK gate: ${sdk.name} against the contract mock, seed ${seed}, ${runs} run(s) per operation\n\n`,
  )

  const progress = createProgress(0)
  const printer = printProgress(progress, (line) => process.stdout.write(line))
  const result = await runSdkGate({
    sdk,
    spec,
    seed,
    runs,
    ...(values.operations === undefined ? {} : { operations: values.operations }),
    onEvent: progressListener(progress),
  }).finally(() => printer.stop())

  const settings = {
    seed,
    runs,
    defaultRuns: SDK_GATE_RUNS,
    ...(values.sdk === undefined ? {} : { sdk: values.sdk }),
  }
  const failures = result.failures.map((failure) =>
    formatFailure(failure, settings, secretValues(GATE_SECRETS)),
  )
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const summary = [
    `${result.checked.length} operations called through the SDK (${result.calls} calls, ${seconds} s);`,
    `errors provoked: ${result.provoked.invalid_input} invalid input, ${result.provoked.unauthorized} unauthorized, ${result.provoked.api_error} other API errors`,
    ...result.skipped.map(({ operation, reason }) => `skipped ${operation.id}: ${reason}`),
    failures.length === 0 ? 'PASS: no check failed' : `FAIL: ${failures.length} failure(s)`,
  ].join('\n')
  const coverage = formatCoverage(result)
  const accepted = formatAccepted(result)
  const findings = [...failures, ...(accepted === undefined ? [] : [accepted])]
  process.stdout.write([coverage, '', ...findings.flatMap((text) => [text, '']), summary, ''].join('\n'))
  writeFileSync(
    join(reports, 'sdk-gate.txt'),
    [
      `SDK gate: ${sdk.name}, seed ${seed}, ${runs} run(s)`,
      coverage,
      formatOtherMethods(result),
      ...findings,
      summary,
      '',
    ].join('\n\n'),
  )
  return failures.length === 0 ? 0 : 1
}

function parseFlags() {
  return parseCommandFlags(
    {
      sdk: { type: 'string' },
      operations: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      reports: { type: 'string', default: 'reports' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  )
}

runMain('sdk-gate', main)
