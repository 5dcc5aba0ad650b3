// Each check's verdict of a live run, a line each, for the summary's cost per check. A request is
// sent once and judged by every check of its scenario, so the per-check counts add up to more than
// the requests sent.
import { appendFileSync } from 'node:fs'

import type { Exchange } from '../../contracts/exchange.ts'
import type { Verdict } from '../engine/events.ts'

export type VerdictRecord = {
  operation: string
  scenario: string
  check: string
  outcome: Verdict<Exchange>['type']
  /** The cases the check judged: its property's runs (0 when skipped). */
  cases: number
}

export function appendVerdict(path: string, verdict: Verdict<Exchange>): void {
  const record: VerdictRecord = {
    operation: verdict.operation.id,
    scenario: verdict.scenario,
    check: verdict.check,
    outcome: verdict.type,
    cases: verdict.type === 'skipped' ? 0 : verdict.runs,
  }
  appendFileSync(path, `${JSON.stringify(record)}\n`)
}

export type CheckCost = { cases: number; operations: number; passed: number; failed: number; skipped: number }

/** Per check: the cases it judged, on how many operations, and its verdicts. */
export function costPerCheck(records: VerdictRecord[]): Record<string, CheckCost> {
  const costs = new Map<string, CheckCost & { seen: Set<string> }>()
  for (const record of records) {
    const cost = costs.get(record.check) ?? {
      cases: 0,
      operations: 0,
      passed: 0,
      failed: 0,
      skipped: 0,
      seen: new Set<string>(),
    }
    cost.cases += record.cases
    // Operations it judged: a skip judged nothing there.
    if (record.outcome !== 'skipped') cost.seen.add(record.operation)
    if (record.outcome === 'check_passed') cost.passed++
    else if (record.outcome === 'skipped') cost.skipped++
    else cost.failed++
    costs.set(record.check, cost)
  }
  return Object.fromEntries(
    [...costs]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([check, { seen, ...cost }]) => [check, { ...cost, operations: seen.size }]),
  )
}
