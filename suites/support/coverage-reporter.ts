// After a conformance run: gathers what each suite observed of each operation, prints the coverage
// table and writes reports/coverage.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, relative } from 'node:path'

import type { Reporter, TestModule } from 'vitest/node'

import { buildOperations } from '../../contracts/operations.ts'
import { loadSpec } from '../../contracts/spec.ts'
import type { Observed } from './coverage.ts'
import { buildCoverageReport, type CheckRun, renderCoverage } from './coverage-report.ts'
import type {} from './meta.ts'

export class CoverageReporter implements Reporter {
  readonly #outputFile: string

  constructor(outputFile = 'reports/coverage.json') {
    this.#outputFile = outputFile
  }

  async onTestRunEnd(testModules: ReadonlyArray<TestModule>): Promise<void> {
    const runs: CheckRun[] = []
    const observed = new Map<string, Observed[]>()
    for (const test of testModules.flatMap((module) => [...module.children.allTests()])) {
      const meta = test.meta()
      if (meta.conformance === undefined) continue
      const result = test.result()
      const ran = result.state === 'passed' || result.state === 'failed'
      runs.push({
        operation: meta.conformance.operation,
        check: meta.conformance.check,
        ran,
        ...(ran
          ? {}
          : { skipReason: result.state === 'skipped' ? (result.note ?? 'skipped') : result.state }),
      })
      if (meta.coverage !== undefined) {
        observed.set(meta.conformance.operation, [
          ...(observed.get(meta.conformance.operation) ?? []),
          meta.coverage,
        ])
      }
    }
    if (runs.length === 0) return
    const report = buildCoverageReport(buildOperations(await loadSpec()), runs, observed)
    mkdirSync(dirname(this.#outputFile), { recursive: true })
    writeFileSync(this.#outputFile, `${JSON.stringify(report, null, 2)}\n`)
    const shown = relative(process.cwd(), this.#outputFile)
    process.stdout.write(`\n${renderCoverage(report, shown.startsWith('..') ? this.#outputFile : shown)}\n`)
  }
}
