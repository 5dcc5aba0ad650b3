// After a conformance run: gathers what each suite observed of each operation, prints the coverage
// table and writes reports/coverage.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, relative } from 'node:path'

import type { Reporter, TestModule } from 'vitest/node'

import { buildOperations } from '../../contracts/operations.ts'
import { loadSpec } from '../../contracts/spec.ts'
import type { Observed } from './coverage.ts'
import { writeCoverageResult } from './allure/coverage-result.ts'
import { buildCoverageReport, type CheckRun, renderCoverage } from './coverage-report.ts'
import type {} from './meta.ts'

export class CoverageReporter implements Reporter {
  readonly #outputFile: string
  readonly #allureResults: string | undefined

  /** With `allureResults`, the coverage is also an entry of the Allure report. */
  constructor(outputFile = 'reports/coverage.json', allureResults?: string) {
    this.#outputFile = outputFile
    this.#allureResults = allureResults
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
        suite: meta.conformance.suite,
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
    const json = `${JSON.stringify(report, null, 2)}\n`
    mkdirSync(dirname(this.#outputFile), { recursive: true })
    writeFileSync(this.#outputFile, json)
    const shown = relative(process.cwd(), this.#outputFile)
    const table = renderCoverage(report, shown.startsWith('..') ? this.#outputFile : shown)
    process.stdout.write(`\n${table}\n`)
    if (this.#allureResults !== undefined) writeCoverageResult(this.#allureResults, table, json)
  }
}
