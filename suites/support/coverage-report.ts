// The run's coverage as data (reports/coverage.json) and as a compact table: operations, status
// codes, properties and enum values exercised, checks run, and the gaps worth a look.
import type { Operation } from '../../contracts/operations.ts'
import { counted } from './counted.ts'
import { type Extent, type Observed, type OperationCoverage, operationCoverage } from './coverage.ts'

/** One test's outcome, as far as coverage cares; `suite`, which suite's check it is. */
export type CheckRun = { operation: string; check: string; ran: boolean; skipReason?: string; suite?: string }

export type CoverageReport = {
  totals: {
    operations: { inSpec: number; selected: number; exercised: number; skipped: number }
    /** `notSought`: documented, but asked for by no suite that ran (OperationCoverage). */
    statuses: { documented: number; seen: number; notSought: number }
    properties: { total: number; sent: number }
    enumValues: { total: number; sent: number }
    checks: { ran: number; skipped: number }
    /** The longest string and list any valid request of the run carried, and the operation's id. */
    longest: { string?: Extent & { operation: string }; array?: Extent & { operation: string } }
  }
  /** Operations none of whose checks could run, with why. */
  skipped: { operation: string; reasons: string[] }[]
  operations: (OperationCoverage & { checks: { ran: string[]; skipped: string[] } })[]
}

export function buildCoverageReport(
  spec: Operation[],
  runs: CheckRun[],
  observed: Map<string, Observed[]>,
): CoverageReport {
  const byId = new Map(spec.map((operation) => [operation.id, operation]))
  // Each operation's runs, gathered in one pass rather than searched for per operation.
  const runsOf = Map.groupBy(runs, (run) => run.operation)
  const selected = [...runsOf.keys()].sort()
  const operations = selected.flatMap((id) => {
    const operation = byId.get(id)
    if (operation === undefined) return []
    const own = runsOf.get(id) ?? []
    const checks = (ran: boolean) => [...new Set(own.filter((r) => r.ran === ran).map((r) => r.check))]
    return [
      {
        ...operationCoverage(operation, observed.get(id) ?? [], suitesThatRan(own)),
        checks: { ran: checks(true), skipped: checks(false) },
      },
    ]
  })
  const skipped = operations
    .filter((operation) => operation.checks.ran.length === 0)
    .map((operation) => ({
      operation: operation.operation,
      reasons: [...new Set((runsOf.get(operation.operation) ?? []).map((r) => r.skipReason ?? 'skipped'))],
    }))
  const checks = { ran: runs.filter((r) => r.ran).length, skipped: runs.filter((r) => !r.ran).length }
  // Only the spec's operations: live mode's stateful properties also name paths and `fixtures`.
  return assemble({ inSpec: spec.length, selected: operations.length, checks }, operations, skipped)
}

/**
 * The reports of shards of one run (each with its own operations) as the one report of the whole
 * run: the operations side by side, the totals counted again.
 */
export function mergeCoverageReports(reports: CoverageReport[]): CoverageReport {
  const byOperation = <T extends { operation: string }>(a: T, b: T) =>
    a.operation < b.operation ? -1 : a.operation > b.operation ? 1 : 0
  const sum = (pick: (totals: CoverageReport['totals']) => number) =>
    reports.reduce((total, report) => total + pick(report.totals), 0)
  return assemble(
    {
      inSpec: reports[0]?.totals.operations.inSpec ?? 0,
      selected: sum((t) => t.operations.selected),
      checks: { ran: sum((t) => t.checks.ran), skipped: sum((t) => t.checks.skipped) },
    },
    reports.flatMap((report) => report.operations).sort(byOperation),
    reports.flatMap((report) => report.skipped).sort(byOperation),
  )
}

type Counts = { inSpec: number; selected: number; checks: CoverageReport['totals']['checks'] }

/** The report from its operations (sorted by id), the operations skipped whole and the counts. */
function assemble(
  { inSpec, selected, checks }: Counts,
  operations: CoverageReport['operations'],
  skipped: CoverageReport['skipped'],
): CoverageReport {
  const exercised = operations.filter((operation) => operation.checks.ran.length > 0)
  const sum = (pick: (o: (typeof operations)[number]) => number) =>
    exercised.reduce((total, operation) => total + pick(operation), 0)
  return {
    totals: {
      operations: { inSpec, selected, exercised: exercised.length, skipped: skipped.length },
      statuses: {
        documented: sum((o) => o.statuses.documented.length),
        seen: sum(
          (o) => o.statuses.documented.length - o.statuses.notSought.length - o.statuses.missing.length,
        ),
        notSought: sum((o) => o.statuses.notSought.length),
      },
      properties: { total: sum((o) => o.properties.total), sent: sum((o) => o.properties.sent) },
      enumValues: { total: sum((o) => o.enumValues.total), sent: sum((o) => o.enumValues.sent) },
      checks,
      longest: {
        ...longestOfRun(exercised, 'string'),
        ...longestOfRun(exercised, 'array'),
      },
    },
    skipped,
    operations,
  }
}

/** The suites whose checks ran for an operation; undefined when a run does not say which suite. */
function suitesThatRan(runs: CheckRun[]): string[] | undefined {
  const ran = runs.filter((run) => run.ran)
  if (ran.some((run) => run.suite === undefined)) return undefined
  return [...new Set(ran.map((run) => run.suite as string))]
}

function longestOfRun(
  operations: OperationCoverage[],
  kind: 'string' | 'array',
): CoverageReport['totals']['longest'] {
  let best: (Extent & { operation: string }) | undefined
  for (const { operation, longest } of operations) {
    const extent = longest[kind]
    if (extent !== undefined && extent.length > (best?.length ?? -1)) best = { ...extent, operation }
  }
  return best === undefined ? {} : { [kind]: best }
}

const GAPS_SHOWN = 8

export function renderCoverage(report: CoverageReport, file: string): string {
  const { operations, statuses, properties, enumValues, checks, longest } = report.totals
  const ratio = (part: number, whole: number) =>
    `${part} / ${whole}${whole === 0 ? '' : ` (${Math.floor((100 * part) / whole)} %)`}`
  const lines = [
    `Coverage (${file})`,
    `  operations     ${ratio(operations.exercised, operations.inSpec)} exercised · ${operations.skipped} skipped · ${operations.inSpec - operations.selected} not selected`,
    `  status codes   ${ratio(statuses.seen, statuses.documented - statuses.notSought)} documented codes answered${
      statuses.notSought === 0 ? '' : ` · ${statuses.notSought} not sought (no check that asks for them ran)`
    }`,
    `  properties     ${ratio(properties.sent, properties.total)} sent in valid requests`,
    `  enum values    ${ratio(enumValues.sent, enumValues.total)} sent in valid requests`,
    `  checks         ${checks.ran} ran · ${checks.skipped} skipped`,
  ]
  const extent = (found: (Extent & { operation: string }) | undefined, unit: string) =>
    found === undefined ? 'none' : `${found.length} ${unit} (${found.operation} ${found.at})`
  if (longest.string !== undefined || longest.array !== undefined) {
    lines.push(
      `  longest sent   string ${extent(longest.string, 'characters')} · list ${extent(longest.array, 'items')}`,
    )
  }
  const reasons = new Map<string, number>()
  for (const { reasons: why } of report.skipped)
    for (const r of why) reasons.set(r, (reasons.get(r) ?? 0) + 1)
  if (reasons.size > 0) {
    lines.push('  Operations skipped whole:', ...[...reasons].map(([reason, n]) => `    - ${n}× ${reason}`))
  }
  const gaps = report.operations
    .map((o) => ({
      o,
      size: o.properties.missing.length + o.enumValues.missing.length + o.statuses.missing.length,
    }))
    .filter(({ o, size }) => size > 0 && o.checks.ran.length > 0)
    .sort((a, b) => b.size - a.size)
  if (gaps.length > 0) {
    lines.push(`  Largest gaps (${gaps.length} operations have some; all in the file):`)
    for (const { o } of gaps.slice(0, GAPS_SHOWN)) {
      const parts = [
        o.properties.missing.length > 0
          ? `${counted(o.properties.missing.length, 'property', 'properties')} never sent`
          : '',
        o.enumValues.missing.length > 0
          ? `${counted(o.enumValues.missing.length, 'enum value')} never sent`
          : '',
        o.statuses.missing.length > 0 ? `status ${o.statuses.missing.join(', ')} never answered` : '',
      ].filter((part) => part !== '')
      lines.push(`    ${o.operation}: ${parts.join(', ')}`)
    }
  }
  return lines.join('\n')
}
