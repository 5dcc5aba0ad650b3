// A one-screen summary after a conformance run: operations × checks, counts, skips with their
// reasons, and the failures worst first, a line each. Printed and written to reports/summary.txt.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

import type { Reporter, SerializedError, TestCase, TestModule, TestRunEndReason, Vitest } from 'vitest/node'

import { type AuthSecrets, heldCredentials } from '../../contracts/credentials.ts'
import { pinnedSpecVersion } from '../../contracts/spec.ts'
import { ALL_CHECKS } from '../checks/index.ts'
import type { Severity } from '../checks/types.ts'
import type { RunConfig, Shard } from './config.ts'
import { counted } from './counted.ts'
import type {} from './meta.ts'
import { runContext } from './provided.ts'

type State = 'passed' | 'failed' | 'skipped'
export type SummaryResult = {
  suite: string
  operation: string
  check: string
  state: State
  detail: string
  /** The spec's own fault, not the target's: listed apart. */
  spec: boolean
  /**
   * Failed because the target gave nothing to judge (no answer, a timeout, a stall, an operation it
   * lacks), not a rule broken.
   */
  nothingToJudge?: boolean
}

/** summary.json: what summary.txt is rendered from, so shards' summaries merge into one (merge-shards). */
export type SummaryData = {
  seed: number | undefined
  shard: Shard | undefined
  /** The run line without the shard. */
  runLine: string
  results: SummaryResult[]
  errors: string[]
}

export class SummaryReporter implements Reporter {
  #vitest: Vitest | undefined
  readonly #outputFile: string
  readonly #dataFile: string | undefined

  /** With `dataFile`, also writes the summary's data as JSON there. */
  constructor(outputFile = 'reports/summary.txt', dataFile?: string) {
    this.#outputFile = outputFile
    this.#dataFile = dataFile
  }

  onInit(vitest: Vitest): void {
    this.#vitest = vitest
  }

  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason?: TestRunEndReason,
  ): void {
    const results = testModules.flatMap((module) => [...module.children.allTests()].flatMap(toResult))
    // A suite file that crashed, or an error outside any test, fails the run: say so here too.
    const errors = [
      ...testModules.flatMap((module) =>
        module.errors().map((error) => `${module.moduleId}: ${firstLine(error.message)}`),
      ),
      ...unhandledErrors.map((error) => firstLine(error.message)),
    ]
    const config = this.#config()
    const data: SummaryData = {
      seed: config?.seed,
      shard: config?.shard,
      runLine: [
        this.#runLine(),
        // Ctrl-C or SIGTERM (scripts/lib/interrupt.ts): what was not reached is not "skipped".
        ...(reason === 'interrupted'
          ? ['interrupted: the checks it had not reached are not in this summary']
          : []),
      ]
        .filter((line) => line !== '')
        .join('\n'),
      results,
      errors,
    }
    const text = renderSummary(results, withShard(data.runLine, data.shard), errors)
    process.stdout.write(`\n${text}\n`)
    mkdirSync(dirname(this.#outputFile), { recursive: true })
    writeFileSync(this.#outputFile, `${text}\n`)
    if (this.#dataFile !== undefined) writeFileSync(this.#dataFile, `${JSON.stringify(data, null, 2)}\n`)
  }

  #context() {
    return runContext(this.#vitest)
  }

  #config(): RunConfig | undefined {
    return this.#context()?.resolvedConfig
  }

  #runLine(): string {
    const context = this.#context()
    const config = context?.resolvedConfig
    if (config === undefined) return ''
    const where = `${context?.endpoint ?? '?'}${config.endpoint === undefined ? ' (embedded)' : ''}`
    return [
      `target ${config.target} (${config.rules} rules) at ${where} · spec @seamapi/types ${pinnedSpecVersion()} · seed ${config.seed} · ${config.runs} runs per property`,
      credentialsLine(config.auth, config.endpoint === undefined),
    ].join('\n')
  }
}

/** The run line of one shard's summary: which part of the run it is. */
export function withShard(runLine: string, shard: Shard | undefined): string {
  if (shard === undefined || runLine === '') return runLine
  const [first = '', ...rest] = runLine.split('\n')
  return [`${first} · shard ${shard.index}/${shard.count}`, ...rest].join('\n')
}

/** Which kinds of credential the run held: against a server it did not start, only those given. */
export function credentialsLine(auth: AuthSecrets, embedded: boolean): string {
  const { held, missing } = heldCredentials(auth)
  if (embedded) return `credentials: ${held.join(', ')} (the embedded mock's own where SEAM_* gives none)`
  return `credentials held: ${held.join(', ') || 'none'}${missing.length === 0 ? '' : ` · not held: ${missing.join(', ')}`}`
}

function toResult(test: TestCase): SummaryResult[] {
  const meta = test.meta().conformance
  if (meta === undefined) return []
  const result = test.result()
  // The engine's verdict, as the test recorded it; a test that failed without one crashed.
  const state: State = result.state === 'failed' ? 'failed' : result.state === 'passed' ? 'passed' : 'skipped'
  const detail =
    meta.detail ??
    (result.state === 'failed'
      ? firstLine(result.errors?.[0]?.message ?? '')
      : result.state === 'skipped'
        ? (result.note ?? 'skipped')
        : '')
  const spec = state === 'failed' && meta.category === 'spec'
  const nothingToJudge = state === 'failed' && meta.outcome === 'target_failure'
  return [
    {
      suite: meta.suite,
      operation: meta.operation,
      check: meta.check,
      state,
      detail,
      spec,
      ...(nothingToJudge ? { nothingToJudge } : {}),
    },
  ]
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? ''
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function order(check: string): number {
  const index = ALL_CHECKS.findIndex((known) => known.name === check)
  return index === -1 ? ALL_CHECKS.length : index
}

const SEVERITY_RANK: Record<Severity, number> = { blocker: 0, critical: 1, normal: 2, minor: 3 }

/** How bad a failure of the check is: blocker first. A check the suite does not know is normal. */
function severityRank(check: string): number {
  return SEVERITY_RANK[ALL_CHECKS.find((known) => known.name === check)?.severity ?? 'normal']
}

/**
 * A cell shows the worst of its tests: a broken rule anywhere, else nothing to judge, else a
 * pass, else a skip.
 */
function mark(cell: SummaryResult[]): string {
  const failed = cell.filter((r) => r.state === 'failed')
  if (failed.some((r) => r.nothingToJudge !== true)) return '✗'
  if (failed.length > 0) return '!'
  return cell.some((r) => r.state === 'passed') ? '✓' : '-'
}

/** A failure's line: `!` where the target gave nothing to judge. */
function failureLine(r: SummaryResult): string {
  return `  ${r.nothingToJudge === true ? '!' : '✗'} ${r.check}  ${r.operation}  ${r.detail}`
}

export function renderSummary(results: SummaryResult[], runLine: string, errors: string[]): string {
  const checks = [...new Set(results.map((r) => r.check))].sort((a, b) => order(a) - order(b))
  const operations = [...new Set(results.map((r) => r.operation))].sort()
  const suites = [...new Set(results.map((r) => r.suite))].sort()
  const width = Math.max(9, ...operations.map((op) => op.length))
  const count = (state: State) => results.filter((r) => r.state === state).length

  const lines = ['Seam Connect conformance', ...(runLine === '' ? [] : [runLine])]
  lines.push(
    `suites: ${suites.map((s) => `${s} (${counted(results.filter((r) => r.suite === s).length, 'test')})`).join(', ')}`,
    '',
  )
  checks.forEach((check, index) => lines.push(`${' '.repeat(width)}  ${'│ '.repeat(index)}┌ ${check}`))
  // The states of each cell, gathered in one pass: searching all results per cell took 4 s of the
  // whole API's 8352 tests × 522 operations × 16 checks.
  const cells = Map.groupBy(results, (r) => `${r.operation}\n${r.check}`)
  for (const operation of operations) {
    const marks = checks.map((check) => {
      const cell = cells.get(`${operation}\n${check}`)
      return cell === undefined ? '·' : mark(cell)
    })
    lines.push(`${operation.padEnd(width)}  ${marks.join(' ')}`)
  }
  // Worst check first (by its severity, then the columns' order), then by operation and suite: the
  // same lines however the results came in.
  const byCheck = (a: SummaryResult, b: SummaryResult) =>
    severityRank(a.check) - severityRank(b.check) ||
    order(a.check) - order(b.check) ||
    compare(a.operation, b.operation) ||
    compare(a.suite, b.suite)
  const specFindings = results.filter((r) => r.spec).sort(byCheck)
  const nothingToJudge = results.filter((r) => r.nothingToJudge === true).length
  const of = [
    ...(specFindings.length === 0 ? [] : [`${specFindings.length} of them spec findings`]),
    ...(nothingToJudge === 0 ? [] : [`${nothingToJudge} of them with nothing to judge`]),
  ]
  const ofFailed = of.length === 0 ? '' : ` (${of.join(', ')})`
  const legend = `✓ passed, ✗ failed${nothingToJudge === 0 ? '' : ', ! the target gave nothing to judge'}, - skipped, · not applicable`
  lines.push(
    '',
    `${counted(operations.length, 'operation')} × ${counted(checks.length, 'check')}: ${count('passed')} passed, ${count('failed')} failed${ofFailed}, ${count('skipped')} skipped (${legend})`,
  )
  const skips = new Map<string, number>()
  for (const r of results.filter((r) => r.state === 'skipped')) {
    const key = `${r.check}: ${r.detail}`
    skips.set(key, (skips.get(key) ?? 0) + 1)
  }
  if (skips.size > 0) {
    const sorted = [...skips].sort(([a], [b]) => compare(a, b))
    lines.push('', 'Skipped:', ...sorted.map(([reason, n]) => `  - ${n}× ${reason}`))
  }
  const failures = results.filter((r) => r.state === 'failed' && !r.spec).sort(byCheck)
  if (failures.length > 0) {
    lines.push('', 'Failures, worst first:', ...failures.map(failureLine))
  }
  if (specFindings.length > 0) {
    lines.push(
      '',
      "Spec findings, the spec's own fault rather than the target's (npm run spec:lint lists them all):",
      ...specFindings.map(failureLine),
    )
  }
  if (errors.length > 0)
    lines.push('', 'Errors outside any check (the run fails):', ...errors.map((e) => `  ! ${e}`))
  return lines.join('\n')
}
