import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import AllureVitestReporter from 'allure-vitest/reporter'
import { afterAll, describe, expect, it } from 'vitest'
import type { Reporter, TestModule, Vitest } from 'vitest/node'

import {
  allureReporters,
  PlainAllureVitestReporter,
  statusByCause,
} from '../../../../suites/support/allure/reporters.ts'

const directories: string[] = []
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true })
})

describe("the conformance run's Allure reporter", () => {
  it("writes what allure-vitest writes, a file's failed beforeAll included", async () => {
    const stock = written(new AllureVitestReporter({ resultsDir: directory(), listeners: [statusByCause] }))
    const ours = written(allureReporters(directory())[0] as Reporter)

    const [expected, actual] = await Promise.all([stock, ours])
    expect(actual).toEqual(expected)
    expect(actual.results).toHaveLength(2 + 600)
    expect(actual.globals).toEqual(['beforeAll hook failed: no mock'])
  })

  it('lets the main thread answer between slices (a worker stopping waits for it otherwise)', async () => {
    let turns = 0
    const count = () => {
      turns++
      if (!done) setImmediate(count)
    }
    let done = false
    setImmediate(count)
    await written(new PlainAllureVitestReporter(directory(), 0))
    done = true
    // Every top-level test of the 600-test file is a slice of its own.
    expect(turns).toBeGreaterThanOrEqual(599)
  })
})

function directory(): string {
  const path = mkdtempSync(join(tmpdir(), 'allure-plain-'))
  directories.push(path)
  return path
}

/** The results a reporter writes for two files: one whose beforeAll failed, one of 600 tests. */
async function written(reporter: Reporter) {
  const resultsDir = (reporter as unknown as { config: { resultsDir: string } }).config.resultsDir
  reporter.onInit?.({ projects: [] } as unknown as Vitest)
  await reporter.onTestRunEnd?.(
    [
      fileOf('suites/a.suite.ts', 2, {
        state: 'fail',
        hooks: { beforeAll: 'fail' },
        errors: [{ message: 'no mock' }],
      }),
      fileOf('suites/b.suite.ts', 600, { state: 'pass' }),
    ].map((task) => ({ task }) as unknown as TestModule),
    [],
    'passed',
  )
  const files = readdirSync(resultsDir)
  const read = (name: string) =>
    JSON.parse(readFileSync(join(resultsDir, name), 'utf8')) as Record<string, unknown>
  const results = files
    .filter((name) => name.endsWith('-result.json'))
    .map(read)
    .map(({ fullName, status, statusDetails, labels }) =>
      JSON.stringify({ fullName, status, statusDetails, labels }),
    )
    .sort()
  const globals = files
    .filter((name) => name.endsWith('-globals.json'))
    .flatMap((name) => (read(name).errors as Array<{ message: string }>).map((error) => error.message))
  return { results, globals }
}

function fileOf(filepath: string, tests: number, result: Record<string, unknown>) {
  const file: Record<string, unknown> = {
    type: 'suite',
    mode: 'run',
    name: filepath,
    filepath,
    result,
    meta: {},
  }
  file.file = file
  const operation = {
    type: 'suite',
    mode: 'run',
    name: 'POST /a',
    file,
    suite: file,
    result: { state: 'pass' },
    meta: {},
  }
  const test = (index: number, suite?: object) => ({
    type: 'test',
    mode: 'run',
    name: `check_${index}`,
    file,
    suite,
    meta: {},
    result: index % 3 === 0 ? { state: 'fail', errors: [{ message: `broke ${index}` }] } : { state: 'pass' },
  })
  Object.assign(operation, { tasks: [test(0, operation)] })
  file.tasks = [operation, ...Array.from({ length: tests - 1 }, (_, index) => test(index + 1))]
  return file
}
