// `npm run conformance`: checks a target against the contract. Exit 0 only when no violation and
// no target error was found.
import { availableParallelism } from 'node:os'
import { join } from 'node:path'

import type { Reporter } from 'vitest/node'

import { integerSetting } from '../../contracts/numbers.ts'
import { buildOperations } from '../../contracts/operations.ts'
import { selectOperations } from '../../contracts/selection.ts'
import { loadSpec } from '../../contracts/spec.ts'
import {
  DEFAULTS,
  EMBEDDED_TIMEOUT_MS,
  LIVE_DEFAULTS,
  PRISM_TIMEOUT_MS,
  randomSeed,
  resolveConfig,
  type RunConfig,
} from '../../suites/support/config.ts'
import { CoverageReporter } from '../../suites/support/coverage-reporter.ts'
import { CostReporter } from '../../suites/support/shards/cost-reporter.ts'
import { GithubAnnotationsReporter } from '../../suites/support/github-annotations-reporter.ts'
import { allureReporters } from '../../suites/support/allure/reporters.ts'
import { isSdkGateResult, keepOnlyResultsAside } from '../../suites/support/allure/results-dir.ts'
import { ProgressReporter } from '../../suites/support/progress-reporter.ts'
import { SummaryReporter } from '../../suites/support/summary-reporter.ts'
import {
  MIN_OPERATIONS_FOR_PARTS,
  PART_COUNT,
  PARTS_VARIABLE,
  partName,
  partsFor,
} from '../../suites/support/parts.ts'
import { shardOperations } from '../../suites/support/shards/partition.ts'
import { cancelOnSignal } from './interrupt.ts'
import { parseCommandFlags, reportsDirectory, runMain, UsageError } from './cli.ts'

const USAGE = `Usage: npm run conformance -- [options]

Options (each mirrors an environment variable; flags win):
  --target <mock|live>     SEAM_TARGET       (default mock)
  --endpoint <url>         SEAM_ENDPOINT     (default: start the embedded mock)
  --mock <seam|prism>      SEAM_MOCK         the mock keeps Seam's rules, or is plain Prism
                                             (whose blind spots are skipped) (default seam)
  --operations <filter>    SEAM_OPERATIONS   all | seed | comma list of path prefixes
                                             (/acs/entrances), operation ids, or method and
                                             path prefix ('GET /events') (default ${DEFAULTS.operations})
  --seed-endpoints         the five seed endpoints, every method (= --operations seed)
  --tags <list>            SEAM_TAGS         only operations with one of these tags (/acs, acs)
  --checks <list>          SEAM_CHECKS       only these checks (default: every check)
  --runs <n>               SEAM_RUNS         cases per property (default ${DEFAULTS.runs}; ${LIVE_DEFAULTS.runs} in live mode)
  --seed <n>               SEAM_SEED         replay a run (default: random, printed)
  --timeout-ms <n>         SEAM_TIMEOUT_MS   per request (default ${DEFAULTS.timeoutMs}; ${PRISM_TIMEOUT_MS} with --mock prism;
                                             ${EMBEDDED_TIMEOUT_MS} for the embedded mock, which only a
                                             starved machine keeps waiting)
  --concurrency <n>        SEAM_CONCURRENCY  requests in flight per worker (default ${DEFAULTS.concurrency})
  --workers <n>            SEAM_WORKERS      workers (threads) checking the suite files side by
                                             side, each with --concurrency requests in flight
                                             (default: the cores for the embedded mock, 1 with
                                             --endpoint): more is faster and holds more memory
                                             (README, Speed). With two or more, ${MIN_OPERATIONS_FOR_PARTS}+
                                             operations run in ${PART_COUNT} parts, each the 3 suite
                                             files over its share of them
  --reports <dir>          where junit.xml, summary.txt, coverage.json and
                           allure-results/ go (default reports)
  --shard <i/n>            SEAM_SHARD        run only shard i of n: the selected operations split
                                             by measured cost, the same cases as an unsharded run
                                             with the same seed; npm run merge-shards joins the
                                             shards' reports (mock mode only)
  -h, --help

Live mode (--target live; endpoint default ${LIVE_DEFAULTS.endpoint}):
  --allow-production       SEAM_ALLOW_PRODUCTION=1  run against a workspace that is not a sandbox
  --max-run-ms <n>         SEAM_MAX_RUN_MS   bound on the whole run (default ${LIVE_DEFAULTS.maxRunMs})
  SEAM_USER_IDENTITY_ID    a user identity to use if the target can neither create nor list one
  concurrency defaults to ${LIVE_DEFAULTS.concurrency}; the ledger of created resources is <reports>/live-ledger.jsonl

Credentials: SEAM_API_KEY, or SEAM_PERSONAL_ACCESS_TOKEN with SEAM_WORKSPACE_ID; also
SEAM_CLIENT_SESSION_TOKEN, SEAM_CONSOLE_SESSION_TOKEN. Required with --endpoint and in live mode:
made-up ones are for the embedded mock only, and a kind not given is skipped with its reason.

Exit: 0 every check passed; 1 a check failed (a violation, or the target gave nothing to judge;
live: also a resource left behind); 2 bad input or an unreachable endpoint. Ctrl-C or SIGTERM:
the checks under way finish, the reports hold what ran, live mode cleans up, then exit 130 (143);
a second signal ends the run at once.`

const FLAGS = {
  target: 'SEAM_TARGET',
  endpoint: 'SEAM_ENDPOINT',
  mock: 'SEAM_MOCK',
  operations: 'SEAM_OPERATIONS',
  tags: 'SEAM_TAGS',
  checks: 'SEAM_CHECKS',
  runs: 'SEAM_RUNS',
  seed: 'SEAM_SEED',
  'timeout-ms': 'SEAM_TIMEOUT_MS',
  concurrency: 'SEAM_CONCURRENCY',
  'max-run-ms': 'SEAM_MAX_RUN_MS',
  shard: 'SEAM_SHARD',
  workers: 'SEAM_WORKERS',
} as const

async function main(): Promise<number> {
  const { values } = parseFlags()
  const env: Record<string, string | undefined> = { ...process.env }
  for (const [flag, variable] of Object.entries(FLAGS)) {
    const value = values[flag as keyof typeof FLAGS]
    if (typeof value === 'string') env[variable] = value
  }
  if (values['seed-endpoints'] === true) {
    if (values.operations !== undefined)
      throw new UsageError('--seed-endpoints and --operations exclude each other')
    env.SEAM_OPERATIONS = 'seed'
  }
  if (values['allow-production'] === true) env.SEAM_ALLOW_PRODUCTION = '1'
  const { resolved, workers } = inFlagTerms(values, () => {
    const resolved = resolveConfig(env, randomSeed)
    // Flags, not the variables: a nightly's environment may hold live settings for its other jobs.
    if (resolved.live === undefined) {
      const liveOnly = (['allow-production', 'max-run-ms'] as const).find(
        (flag) => values[flag] !== undefined,
      )
      if (liveOnly !== undefined) throw new UsageError(`--${liveOnly} is for --target live`)
    }
    const workers = integerSetting('SEAM_WORKERS', env.SEAM_WORKERS, 0, {
      kind: 'positive',
      error: UsageError,
    })
    if (resolved.live !== undefined && workers !== 0)
      throw new UsageError('SEAM_WORKERS is for mock runs, not live ones')
    return { resolved, workers }
  })
  const reports = reportsDirectory(values.reports)
  // A filter that matches nothing is refused here, in one line, before vitest starts.
  const selected = selectOperations(buildOperations(await loadSpec()), resolved.operations, resolved.tags)
  if (resolved.endpoint !== undefined) {
    // Imported only here: undici is a tenth of a second of a start that has no server to reach.
    const { assertReachable } = await import('./reachable.ts')
    await assertReachable(resolved.endpoint, Math.min(resolved.timeoutMs, 5000))
  }
  if (resolved.live !== undefined) return runLive(resolved, reports)
  // The three suite files each check every selected operation, or every operation of their part.
  const maxWorkers = workers === 0 ? defaultWorkers(resolved) : workers
  const inParts = partsFor(shardOperations(selected, resolved.shard).length, maxWorkers)
  if (inParts.length > 0) process.env[PARTS_VARIABLE] = String(inParts.length)
  const projects = inParts.length > 0 ? inParts.map(partName) : ['conformance']
  return runProjects(projects, resolved, reports, ownReporters(reports, { alikeFiles: true }), { maxWorkers })
}

/** A setting's error names its variable; where the user gave the flag instead, it names the flag. */
function inFlagTerms<T>(values: Partial<Record<string, unknown>>, settle: () => T): T {
  try {
    return settle()
  } catch (error) {
    if (!(error instanceof Error)) throw error
    for (const [flag, variable] of Object.entries(FLAGS))
      if (typeof values[flag] === 'string') error.message = error.message.replaceAll(variable, `--${flag}`)
    throw error
  }
}

/**
 * For the embedded mock, the cores, not vitest's one less: the main process idles while the suites
 * run. Against a server of its own, one: each worker keeps `--concurrency` requests in flight.
 */
function defaultWorkers(config: RunConfig): number {
  return config.endpoint === undefined ? availableParallelism() : 1
}

/** The summary table, coverage.json and (without a terminal) progress lines: mock and live alike. */
function ownReporters(reports: string, { alikeFiles = false } = {}) {
  return (allureResults: string): Reporter[] => [
    new SummaryReporter(join(reports, 'summary.txt'), join(reports, 'summary.json')),
    new CoverageReporter(join(reports, 'coverage.json'), allureResults),
    new CostReporter(join(reports, 'operation-costs.json')),
    // No terminal (CI): a line every ten seconds instead of vitest's redrawn display.
    ...(process.stdout.isTTY ? [] : [new ProgressReporter({ alikeFiles })]),
  ]
}

/** Live mode: preflight (credential, sandbox guard), then the stateful suite; its setup cleans up. */
async function runLive(resolved: RunConfig, reports: string): Promise<number> {
  const live = resolved.live as NonNullable<RunConfig['live']>
  const config: RunConfig = { ...resolved, live: { ...live, ledgerPath: join(reports, 'live-ledger.jsonl') } }
  const { preflight } = await import('../../suites/live/preflight.ts')
  const workspace = await preflight(config, config.endpoint as string)
  process.stdout.write(
    `live: workspace "${workspace.name}" (${workspace.workspaceId})${workspace.isSandbox ? ', a sandbox' : ', NOT a sandbox (--allow-production)'} at ${config.endpoint} · seed ${config.seed}\n`,
  )
  return runProjects(['live'], config, reports, ownReporters(reports))
}

/** Runs vitest's projects on the run's configuration, reporting to the console, JUnit and Allure. */
async function runProjects(
  projects: string[],
  config: RunConfig,
  reports: string,
  ownReporters: (allureResults: string) => Reporter[],
  workerOptions: { maxWorkers?: number } = {},
): Promise<number> {
  // Allure results are this run's only, beside the SDK gate's: a previous run's would mix into the report.
  const allureResults = join(reports, 'allure-results')
  // Cleared while the run goes on; what could not be is said, and does not fail a run that passed.
  const cleared = keepOnlyResultsAside(allureResults, isSdkGateResult).catch((error: unknown) => {
    process.stderr.write(
      `warning: earlier Allure results in ${allureResults} not all cleared: ${String(error)}\n`,
    )
  })
  // Imported when a run starts: --help and a usage error answer without loading vitest.
  const { startVitest } = await import('vitest/node')
  const { BufferedJUnitReporter } = await import('../../suites/support/junit-reporter.ts')
  const interrupt = cancelOnSignal('conformance')
  const vitest = await startVitest('test', [], {
    run: true,
    project: projects,
    provide: { runConfig: config },
    ...workerOptions,
    // A failed file's tree would list every skipped check with its reason (a live run: some 7700
    // lines); the summary groups those reasons, and JUnit and Allure keep each one.
    hideSkippedTests: true,
    reporters: [
      interrupt.reporter,
      'default',
      ...githubActionsReporters(),
      ...ownReporters(allureResults),
      new BufferedJUnitReporter({ outputFile: join(reports, 'junit.xml') }),
      ...allureReporters(allureResults),
    ],
    watch: false,
  })
  await vitest.close()
  await cleared
  interrupt.dispose()
  const interrupted = interrupt.exitCode()
  if (interrupted !== undefined) {
    process.stderr.write(`conformance: interrupted: the reports hold only the checks that ran before it\n`)
    return interrupted
  }
  return process.exitCode === undefined || process.exitCode === 0 ? 0 : 1
}

/**
 * On GitHub Actions each failure is also an annotation: vitest's reporter places those with a stack
 * frame, ours the contract failures (no frame: their message is the report). The job summary is
 * summary.txt, which the workflows append, not vitest's own table of every test.
 */
function githubActionsReporters(): Array<Reporter | ['github-actions', { jobSummary: { enabled: false } }]> {
  if (process.env.GITHUB_ACTIONS !== 'true') return []
  return [['github-actions', { jobSummary: { enabled: false } }], new GithubAnnotationsReporter()]
}

function parseFlags() {
  return parseCommandFlags(
    {
      target: { type: 'string' },
      endpoint: { type: 'string' },
      mock: { type: 'string' },
      operations: { type: 'string' },
      'seed-endpoints': { type: 'boolean' },
      tags: { type: 'string' },
      checks: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      'timeout-ms': { type: 'string' },
      concurrency: { type: 'string' },
      workers: { type: 'string' },
      reports: { type: 'string', default: 'reports' },
      'allow-production': { type: 'boolean' },
      'max-run-ms': { type: 'string' },
      shard: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  )
}

runMain('conformance', main)
