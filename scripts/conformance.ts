// `npm run conformance`: checks a target against the contract. Exit 0 only when no violation and
// no target error was found.
import { accessSync, constants, mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

import { startVitest } from 'vitest/node'

import { buildOperations } from '../contracts/operations.ts'
import { selectOperations } from '../contracts/selection.ts'
import { loadSpec } from '../contracts/spec.ts'
import { DEFAULTS, randomSeed, resolveConfig } from '../suites/support/config.ts'
import { allureReporters } from '../suites/support/allure/reporters.ts'
import { SummaryReporter } from '../suites/support/summary-reporter.ts'
import { runMain, UsageError } from './lib/cli.ts'
import { assertReachable } from './lib/reachable.ts'

const USAGE = `Usage: npm run conformance -- [options]

Options (each mirrors an environment variable; flags win):
  --target <mock|live>     SEAM_TARGET       (default mock)
  --endpoint <url>         SEAM_ENDPOINT     (default: start the embedded mock)
  --mock <seam|prism>      SEAM_MOCK         the mock keeps Seam's rules, or is plain Prism
                                             (whose blind spots are skipped) (default seam)
  --operations <filter>    SEAM_OPERATIONS   seed | all | comma list of path prefixes or
                                             operation ids (default ${DEFAULTS.operations})
  --runs <n>               SEAM_RUNS         cases per property (default ${DEFAULTS.runs})
  --seed <n>               SEAM_SEED         replay a run (default: random, printed)
  --timeout-ms <n>         SEAM_TIMEOUT_MS   per request (default ${DEFAULTS.timeoutMs})
  --concurrency <n>        SEAM_CONCURRENCY  requests in flight (default ${DEFAULTS.concurrency})
  --reports <dir>          where junit.xml, summary.txt and allure-results/ go
                           (default reports)
  -h, --help

Credentials: SEAM_API_KEY, or SEAM_PERSONAL_ACCESS_TOKEN with SEAM_WORKSPACE_ID.`

const FLAGS = {
  target: 'SEAM_TARGET',
  endpoint: 'SEAM_ENDPOINT',
  mock: 'SEAM_MOCK',
  operations: 'SEAM_OPERATIONS',
  runs: 'SEAM_RUNS',
  seed: 'SEAM_SEED',
  'timeout-ms': 'SEAM_TIMEOUT_MS',
  concurrency: 'SEAM_CONCURRENCY',
} as const

async function main(): Promise<number> {
  const { values } = parseFlags()
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const env: Record<string, string | undefined> = { ...process.env }
  for (const [flag, variable] of Object.entries(FLAGS)) {
    const value = values[flag as keyof typeof FLAGS]
    if (typeof value === 'string') env[variable] = value
  }
  const config = resolveConfig(env, randomSeed)
  const reports = reportsDirectory(values.reports)
  selectOperations(buildOperations(await loadSpec()), config.operations)
  if (config.endpoint !== undefined) await assertReachable(config.endpoint, Math.min(config.timeoutMs, 5000))

  // Allure results are this run's only: a previous run's would mix into the report.
  const allureResults = join(reports, 'allure-results')
  rmSync(allureResults, { recursive: true, force: true })

  const vitest = await startVitest('test', [], {
    run: true,
    project: ['conformance'],
    provide: { runConfig: config },
    reporters: [
      'default',
      new SummaryReporter(join(reports, 'summary.txt')),
      ['junit', { outputFile: join(reports, 'junit.xml') }],
      ...allureReporters(allureResults),
    ],
    watch: false,
  })
  await vitest.close()
  return process.exitCode === undefined || process.exitCode === 0 ? 0 : 1
}

function reportsDirectory(path: string): string {
  if (path.trim() === '') throw new UsageError('--reports needs a directory')
  const directory = resolve(path)
  try {
    mkdirSync(directory, { recursive: true })
    accessSync(directory, constants.W_OK)
  } catch (error) {
    throw new UsageError(
      `cannot write reports to ${directory}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    )
  }
  return directory
}

function parseFlags() {
  try {
    return parseArgs({
      options: {
        target: { type: 'string' },
        endpoint: { type: 'string' },
        mock: { type: 'string' },
        operations: { type: 'string' },
        runs: { type: 'string' },
        seed: { type: 'string' },
        'timeout-ms': { type: 'string' },
        concurrency: { type: 'string' },
        reports: { type: 'string', default: 'reports' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    })
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (see --help)`)
  }
}

runMain('conformance', main)
