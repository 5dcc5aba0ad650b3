// Progress for a conformance run with no terminal attached (CI logs): every ten seconds one line
// from what the finished tests recorded (suites/support/meta.ts). On a terminal vitest's own
// display is progress enough, so this reporter stays silent there.
import type { Reporter, TestCase, TestModule } from 'vitest/node'

import { createProgress, PROGRESS_INTERVAL_MS, type Progress, printProgress } from '../engine/progress.ts'
import type {} from './meta.ts'

export class ProgressReporter implements Reporter {
  readonly #write: (line: string) => void
  readonly #intervalMs: number
  /** Tests still to finish, per suite file and operation: each pair is one unit of progress. */
  readonly #remaining = new Map<string, number>()
  #progress: Progress = createProgress(0, Date.now(), 'operation runs')
  #printer: { stop(): void } | undefined

  constructor(write = (line: string) => void process.stdout.write(line), intervalMs = PROGRESS_INTERVAL_MS) {
    this.#write = write
    this.#intervalMs = intervalMs
  }

  onTestRunStart(): void {
    this.#progress = createProgress(0, Date.now(), 'operation runs')
    this.#printer = printProgress(this.#progress, this.#write, this.#intervalMs)
  }

  onTestModuleCollected(module: TestModule): void {
    for (const test of module.children.allTests()) {
      const key = keyOf(test)
      if (key === undefined) continue
      if (!this.#remaining.has(key)) this.#progress.operationsTotal++
      this.#remaining.set(key, (this.#remaining.get(key) ?? 0) + 1)
    }
  }

  onTestCaseResult(test: TestCase): void {
    const meta = test.meta()
    const state = test.result().state
    this.#progress.check(state === 'passed' ? 'passed' : state === 'failed' ? 'failed' : 'skipped')
    if (meta.requests !== undefined) this.#progress.request(meta.requests)
    const key = keyOf(test)
    if (key === undefined) return
    const left = (this.#remaining.get(key) ?? 1) - 1
    this.#remaining.set(key, left)
    if (left === 0) this.#progress.operationDone()
  }

  onTestRunEnd(): void {
    this.#printer?.stop()
  }
}

/**
 * A conformance test sits in `describe(operation.id)` of its suite file: an operation run per suite
 * file, so a suite collected later never reopens what another finished.
 */
function keyOf(test: TestCase): string | undefined {
  return test.parent.type === 'suite' ? `${test.module.moduleId} ${test.parent.name}` : undefined
}
