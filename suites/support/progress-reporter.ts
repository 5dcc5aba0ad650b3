// Progress for a conformance run with no terminal attached (CI logs): every ten seconds one line
// from what the finished tests recorded (suites/support/meta.ts). On a terminal vitest's own
// display is progress enough, so this reporter stays silent there.
import type { Reporter, TestCase, TestModule, TestSpecification } from 'vitest/node'

import { createProgress, PROGRESS_INTERVAL_MS, type Progress, printProgress } from '../engine/progress.ts'
import type {} from './meta.ts'

export class ProgressReporter implements Reporter {
  readonly #write: (line: string) => void
  readonly #intervalMs: number
  readonly #alikeFiles: boolean
  /** Tests still to finish, per suite file and operation: each pair is one unit of progress. */
  readonly #remaining = new Map<string, number>()
  #progress: Progress = createProgress(0, Date.now(), 'operation runs')
  #printer: { stop(): void } | undefined
  /** Suite files in the run, those collected so far, and the most operation runs one of them has. */
  #files = 0
  #collectedFiles = 0
  #mostInAFile = 0

  /**
   * `alikeFiles`: every test file has as many operation runs as the largest, so a file no worker
   * has started yet is counted as that many (the mock's suite files, each checking every selected
   * operation); otherwise only files begun count.
   */
  constructor({
    write = (line: string): void => void process.stdout.write(line),
    intervalMs = PROGRESS_INTERVAL_MS,
    alikeFiles = false,
  }: { write?: (line: string) => void; intervalMs?: number; alikeFiles?: boolean } = {}) {
    this.#write = write
    this.#intervalMs = intervalMs
    this.#alikeFiles = alikeFiles
  }

  onTestRunStart(specifications: ReadonlyArray<TestSpecification> = []): void {
    this.#files = specifications.length
    this.#progress = createProgress(0, Date.now(), 'operation runs')
    this.#printer = printProgress(this.#progress, this.#write, this.#intervalMs)
  }

  onTestModuleCollected(module: TestModule): void {
    let runs = 0
    for (const test of module.children.allTests()) {
      const key = keyOf(test)
      if (key === undefined) continue
      if (!this.#remaining.has(key)) runs++
      this.#remaining.set(key, (this.#remaining.get(key) ?? 0) + 1)
    }
    this.#collectedFiles++
    this.#mostInAFile = Math.max(this.#mostInAFile, runs)
    // A file is collected when a worker starts it. With alike files, until all are, each one still
    // to come counts as the largest so far: the time left is for the whole run, not the files begun.
    const toCome = this.#alikeFiles ? Math.max(this.#files - this.#collectedFiles, 0) : 0
    this.#progress.operationsTotal = this.#remaining.size + toCome * this.#mostInAFile
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
 * A conformance test sits in `describe(operation.id)`: an operation run per describe block. By the
 * block, not its name: live mode's one file holds a block of the same name for each of its suites.
 */
function keyOf(test: TestCase): string | undefined {
  return test.parent.type === 'suite' ? test.parent.id : undefined
}
