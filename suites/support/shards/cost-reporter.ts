// After a conformance run: what each operation cost, in milliseconds (its block in each suite file,
// prefetch included, summed over the suites), written to reports/operation-costs.json. A whole-API
// run's file is the committed table the shards are balanced by (suites/support/shards/).
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

import type { Reporter, TestModule } from 'vitest/node'

import type {} from '../meta.ts'

export type CostFile = { ms: Record<string, number> }

export class CostReporter implements Reporter {
  readonly #outputFile: string

  constructor(outputFile: string) {
    this.#outputFile = outputFile
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    // The last test of an operation's block saw the most of it: the largest time per suite counts.
    const bySuite = new Map<string, { operation: string; ms: number }>()
    for (const test of testModules.flatMap((module) => [...module.children.allTests()])) {
      const { conformance, operationMs } = test.meta()
      if (conformance === undefined || operationMs === undefined) continue
      const key = `${conformance.suite}\n${conformance.operation}`
      const ms = Math.max(bySuite.get(key)?.ms ?? 0, operationMs)
      bySuite.set(key, { operation: conformance.operation, ms })
    }
    if (bySuite.size === 0) return
    const ms: Record<string, number> = {}
    for (const { operation, ms: spent } of bySuite.values()) ms[operation] = (ms[operation] ?? 0) + spent
    mkdirSync(dirname(this.#outputFile), { recursive: true })
    writeFileSync(this.#outputFile, costFileText(ms))
  }
}

/** Sorted by operation, whole milliseconds: a table that diffs well when it is refreshed. */
export function costFileText(ms: Record<string, number>): string {
  const sorted = Object.keys(ms)
    .sort()
    .map((id) => [id, Math.max(1, Math.round(ms[id] as number))])
  return `${JSON.stringify({ ms: Object.fromEntries(sorted) } satisfies CostFile, null, 2)}\n`
}
