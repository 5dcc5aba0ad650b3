// The progress line of a run without a terminal: its total counts the suite files no worker has
// started yet, so the time left is for the whole run from the first line on.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { TestCase, TestModule, TestSpecification } from 'vitest/node'

import { ProgressReporter } from '../../../suites/support/progress-reporter.ts'

/** A suite file as vitest hands it over: a describe per operation, `checks` tests in each. */
function suiteFile(id: string, operations: string[], checks = 2) {
  const tests = operations.flatMap((operation, block) =>
    Array.from({ length: checks }, () => ({
      parent: { type: 'suite', name: operation, id: `${id}_${block}` },
      module: { moduleId: id },
      meta: () => ({ requests: 10 }),
      result: () => ({ state: 'passed' }),
    })),
  )
  return {
    module: { children: { allTests: () => tests } } as unknown as TestModule,
    tests: tests as unknown as TestCase[],
  }
}

const files = (count: number) => Array.from({ length: count }) as TestSpecification[]

describe('ProgressReporter', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  function started(specifications: TestSpecification[], alikeFiles = true) {
    const lines: string[] = []
    const reporter = new ProgressReporter({ write: (line) => lines.push(line), intervalMs: 1000, alikeFiles })
    reporter.onTestRunStart(specifications)
    const last = () => {
      vi.advanceTimersByTime(1000)
      return lines.at(-1) ?? ''
    }
    return { reporter, last }
  }

  it('counts the files not yet started as the largest one begun', () => {
    const { reporter, last } = started(files(3))
    const [auth, negative, positive] = ['auth', 'negative', 'positive'].map((id) =>
      suiteFile(id, ['GET /a', 'GET /b', 'POST /c', 'POST /d', 'POST /e']),
    )
    reporter.onTestModuleCollected(auth!.module)
    reporter.onTestModuleCollected(negative!.module)
    expect(last()).toMatch(/^progress: 0\/15 operation runs/)
    for (const test of auth!.tests) reporter.onTestCaseResult(test)
    expect(last()).toMatch(/^progress: 5\/15 operation runs · 10 checks passed, 0 failed · 100 requests/)
    reporter.onTestModuleCollected(positive!.module)
    expect(last()).toMatch(/^progress: 5\/15 operation runs/)
    reporter.onTestRunEnd()
  })

  it('counts only the files begun when they differ (live mode: a file per operation, one stateful)', () => {
    const { reporter, last } = started(files(2), false)
    reporter.onTestModuleCollected(suiteFile('conformance.live', ['GET /a', 'GET /b', 'POST /c']).module)
    expect(last()).toMatch(/^progress: 0\/3 /)
    reporter.onTestModuleCollected(suiteFile('stateful.live', ['stateful']).module)
    expect(last()).toMatch(/^progress: 0\/4 /)
    reporter.onTestRunEnd()
  })

  it('counts each describe block as a run, though live mode names one per suite alike', () => {
    const { reporter, last } = started(files(1), false)
    // The valid, invalid, auth and never-created-ID suites, one after the other in one file.
    const live = suiteFile('conformance.live', ['GET /a', 'GET /b', 'GET /a', 'GET /b'])
    reporter.onTestModuleCollected(live.module)
    expect(last()).toMatch(/^progress: 0\/4 /)
    for (const test of live.tests.slice(0, 4)) reporter.onTestCaseResult(test)
    expect(last()).toMatch(/^progress: 2\/4 /)
    reporter.onTestRunEnd()
  })

  it('counts exactly once every file is collected, whatever each one holds', () => {
    const { reporter, last } = started(files(3))
    reporter.onTestModuleCollected(suiteFile('auth', ['GET /a', 'GET /b', 'POST /c']).module)
    expect(last()).toMatch(/^progress: 0\/9 /)
    // A run whose checks leave two files empty (--checks auth_required).
    reporter.onTestModuleCollected(suiteFile('negative', []).module)
    reporter.onTestModuleCollected(suiteFile('positive', []).module)
    expect(last()).toMatch(/^progress: 0\/3 /)
    reporter.onTestRunEnd()
  })
})
