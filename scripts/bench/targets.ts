// The targets beside what `npm run bench` measured: each target, its value, and whether it is met.
export type TargetRow = { target: string; goal: string; measured: string; met: boolean | undefined }

/** Undefined: not measured (`--quick` leaves out the whole API). */
type Measured = Record<
  | 'seedEndToEndMs'
  | 'seedExternalRequestsPerSecond'
  | 'allEndToEndMs'
  | 'allPeakTreeMb'
  | 'failureVerdictMs'
  | 'seedRatio'
  | 'allRatio',
  number | undefined
>

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`

export function targetRows(m: Measured): TargetRow[] {
  const row = (
    target: string,
    goal: string,
    value: number | undefined,
    show: (v: number) => string,
    met: (v: number) => boolean,
  ): TargetRow => ({
    target,
    goal,
    measured: value === undefined ? 'not measured (--quick)' : show(value),
    met: value === undefined ? undefined : met(value),
  })
  return [
    row(
      'seed suite end to end (npm run conformance, embedded mock)',
      '≤ 3 s',
      m.seedEndToEndMs,
      s,
      (v) => v <= 3000,
    ),
    row(
      'seed suite against an external server, requests/s over the whole wall',
      '≥ 1500/s',
      m.seedExternalRequestsPerSecond,
      (v) => `${Math.round(v)}/s`,
      (v) => v >= 1500,
    ),
    row(
      'whole API end to end (npm run conformance --operations all)',
      '≤ 45 s',
      m.allEndToEndMs,
      s,
      (v) => v <= 45_000,
    ),
    row(
      'peak memory of the whole-API run, all processes',
      '≤ 1024 MB',
      m.allPeakTreeMb,
      (v) => `${v} MB`,
      (v) => v <= 1024,
    ),
    row(
      'failing property reported, shrunk (seed suite, faulty mock)',
      '≤ 30 s',
      m.failureVerdictMs,
      s,
      (v) => v <= 30_000,
    ),
    row(
      'suite/bare replay ratio, seed',
      '≥ 0.6',
      m.seedRatio,
      (v) => v.toFixed(2),
      (v) => v >= 0.6,
    ),
    row(
      'suite/bare replay ratio, whole API',
      '≥ 0.6',
      m.allRatio,
      (v) => v.toFixed(2),
      (v) => v >= 0.6,
    ),
  ]
}

/** The rows as a table: target, goal, measured, met. */
export function formatTargets(rows: TargetRow[]): string {
  const cells = [
    ['target', 'goal', 'measured', 'met'],
    ...rows.map((r) => [r.target, r.goal, r.measured, r.met === undefined ? '–' : r.met ? 'yes' : 'no']),
  ]
  const widths = [0, 1, 2, 3].map((i) => Math.max(...cells.map((c) => (c[i] as string).length)))
  return cells
    .map((c) =>
      c
        .map((cell, i) => cell.padEnd(widths[i] as number))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}
