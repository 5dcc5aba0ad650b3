// Progress for a conformance run with no terminal attached (CI logs): every ten seconds one line
// from what the finished tests recorded (suites/support/meta.ts). On a terminal vitest's own
// display is progress enough, so this reporter stays silent there.
import type { Reporter, TestCase, TestModule } from 'vitest/node'

import { createProgress, PROGRESS_INTERVAL_MS, type Progress, printProgress } from '../engine/progress.ts'
import type {} from './meta.ts'

export class ProgressReporter implements Reporter {
  readonly #write: (line: string) => void
  readonly #intervalMs: number
  /** Tests still to finish, per operation, over every suite collected so far. */
  readonly #remaining = new Map<string, number>()
  /** Operations with every collected test finished: a suite collected later may reopen one. */
  readonly #done = new Set<string>()
  #progress: Progress = createProgress(0)
  #printer: { stop(): void } | undefined

  constructor(write = (line: string) => void process.stdout.write(line), intervalMs = PROGRESS_INTERVAL_MS) {
    this.#write = write
    this.#intervalMs = intervalMs
  }

  onTestRunStart(): void {
    this.#progress = createProgress(0)
    this.#printer = printProgress(this.#progress, this.#write, this.#intervalMs)
  }

  onTestModuleCollected(module: TestModule): void {
    for (const test of module.children.allTests()) {
      const operation = operationOf(test)
      if (operation === undefined) continue
      if (!this.#remaining.has(operation)) this.#progress.operationsTotal++
      this.#remaining.set(operation, (this.#remaining.get(operation) ?? 0) + 1)
      if (this.#done.delete(operation)) this.#progress.operationsDone--
    }
  }

  onTestCaseResult(test: TestCase): void {
    const meta = test.meta()
    const state = test.result().state
    this.#progress.check(state === 'passed' ? 'passed' : state === 'failed' ? 'failed' : 'skipped')
    if (meta.requests !== undefined) this.#progress.request(meta.requests)
    const operation = operationOf(test)
    if (operation === undefined) return
    const left = (this.#remaining.get(operation) ?? 1) - 1
    this.#remaining.set(operation, left)
    if (left === 0 && !this.#done.has(operation)) {
      this.#done.add(operation)
      this.#progress.operationDone()
    }
  }

  onTestRunEnd(): void {
    this.#printer?.stop()
  }
}

/** A conformance test sits in `describe(operation.id)`. */
function operationOf(test: TestCase): string | undefined {
  return test.parent.type === 'suite' ? test.parent.name : undefined
}
