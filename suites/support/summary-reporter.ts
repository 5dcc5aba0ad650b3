// A one-screen summary after a conformance run: operations × checks, counts, the failures first
// line each, and how to replay the run. Printed and written to reports/summary.txt.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

import type { Reporter, TestModule, Vitest } from 'vitest/node'

import { pinnedSpecVersion } from '../../contracts/spec.ts'
import { POSITIVE_CHECKS } from '../checks/index.ts'
import './provided.ts'

type Cell = 'passed' | 'failed' | 'skipped'
const MARK: Record<Cell, string> = { passed: 'ok', failed: 'FAIL', skipped: 'skip' }

export class SummaryReporter implements Reporter {
  #vitest: Vitest | undefined
  readonly #outputFile: string

  constructor(outputFile = 'reports/summary.txt') {
    this.#outputFile = outputFile
  }

  onInit(vitest: Vitest): void {
    this.#vitest = vitest
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const cells = new Map<string, Map<string, Cell>>()
    const failures: { check: string; line: string }[] = []
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const operation = test.parent.type === 'suite' ? test.parent.name : module.moduleId
        const state = test.result().state
        const cell: Cell = state === 'passed' ? 'passed' : state === 'failed' ? 'failed' : 'skipped'
        const row = cells.get(operation) ?? new Map<string, Cell>()
        row.set(test.name, cell)
        cells.set(operation, row)
        if (cell === 'failed') {
          const first =
            test
              .result()
              .errors?.[0]?.message.split('\n')[1]
              ?.replace(/^\s*- /, '') ?? ''
          failures.push({ check: test.name, line: `${test.name}  ${operation}  ${first}` })
        }
      }
    }
    const text = render(cells, failures, this.#runLine())
    process.stdout.write(`\n${text}\n`)
    mkdirSync(dirname(this.#outputFile), { recursive: true })
    writeFileSync(this.#outputFile, `${text}\n`)
  }

  #runLine(): string {
    const context = this.#vitest?.getProjectByName('conformance').getProvidedContext()
    const config = context?.resolvedConfig
    if (config === undefined) return ''
    return `target ${config.target} at ${context?.endpoint ?? '?'}${config.endpoint === undefined ? ' (embedded)' : ''} · spec @seamapi/types ${pinnedSpecVersion()} · seed ${config.seed} · ${config.runs} runs per property`
  }
}

// Checks in the order they are listed, which is also their severity: server errors first.
function order(check: string): number {
  const index = POSITIVE_CHECKS.findIndex((known) => known.name === check)
  return index === -1 ? POSITIVE_CHECKS.length : index
}

function render(
  cells: Map<string, Map<string, Cell>>,
  failures: { check: string; line: string }[],
  runLine: string,
): string {
  const checks = [...new Set([...cells.values()].flatMap((row) => [...row.keys()]))].sort(
    (a, b) => order(a) - order(b),
  )
  const operations = [...cells.keys()].sort()
  const width = Math.max(9, ...operations.map((op) => op.length))
  const lines = ['Seam Connect conformance', runLine, '']
  checks.forEach((check, index) => lines.push(`${' '.repeat(width)}  ${'│ '.repeat(index)}┌ ${check}`))
  for (const operation of operations) {
    const row = cells.get(operation) as Map<string, Cell>
    const marks = checks.map((check) => {
      const cell = row.get(check)
      return cell === undefined ? '·' : cell === 'passed' ? '✓' : cell === 'failed' ? '✗' : '-'
    })
    lines.push(`${operation.padEnd(width)}  ${marks.join(' ')}`)
  }
  const all = [...cells.values()].flatMap((row) => [...row.values()])
  const count = (cell: Cell) => all.filter((c) => c === cell).length
  lines.push(
    '',
    `${operations.length} operations × ${checks.length} checks: ${count('passed')} ${MARK.passed}, ${count('failed')} failed, ${count('skipped')} skipped (· = not applicable)`,
  )
  if (failures.length > 0) {
    const worstFirst = failures.toSorted((a, b) => order(a.check) - order(b.check))
    lines.push('', 'Failures, worst first:', ...worstFirst.map((f) => `  ✗ ${f.line}`))
  }
  return lines.filter((line, i) => line !== '' || i > 1).join('\n')
}
