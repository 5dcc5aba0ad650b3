// The Allure half of a conformance run's reporters: allure-vitest writes one result per test, and
// RunInfoReporter adds what the report shows about the run as a whole (environment,
// executor), once the embedded mock's address is known.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { Status } from 'allure-js-commons'
import type { LifecycleListener, Writer } from 'allure-js-commons/sdk/reporter'
import AllureVitestReporter from 'allure-vitest/reporter'
import type { RunnerTestFile } from 'vitest'
import type { Reporter, TestModule, Vitest } from 'vitest/node'

import { pinnedSpecVersion } from '../../../contracts/spec.ts'
import type { RunConfig } from '../config.ts'
import { runContext } from '../provided.ts'
import { plainWriter } from './plain-writer.ts'

/**
 * A violated check is a failed test; a target that did not answer, or a crash, is broken. Read from
 * the verdict's own label (`_outcome`, set by labels.ts), never from the failure message.
 */
export const statusByCause: LifecycleListener = {
  beforeTestResultWrite(result) {
    const outcome = result.labels.find((label) => label.name === '_outcome')?.value
    if (result.status === Status.BROKEN && outcome === 'violation') result.status = Status.FAILED
  },
}

export function allureReporters(resultsDir: string): Reporter[] {
  return [new PlainAllureVitestReporter(resultsDir), new RunInfoReporter(resultsDir)]
}

/**
 * allure-vitest's reporter, writing with the plain writer (its own fsyncs every result: a second per
 * thousand), and a slice of the results at a time.
 */
export class PlainAllureVitestReporter extends AllureVitestReporter {
  readonly #resultsDir: string
  readonly #sliceMs: number

  constructor(resultsDir: string, sliceMs = 50) {
    super({ resultsDir, listeners: [statusByCause] })
    this.#resultsDir = resultsDir
    this.#sliceMs = sliceMs
  }

  override onInit(vitest: Vitest): void {
    super.onInit(vitest)
    // allure-vitest builds its runtime here, with the default writer; only the categories went through it.
    const runtime = (this as unknown as { allureReporterRuntime?: { writer: Writer } }).allureReporterRuntime
    if (runtime !== undefined) runtime.writer = plainWriter(this.#resultsDir)
  }

  /**
   * allure-vitest writes every result in one synchronous pass. A whole-API run's 11 000 held the main
   * thread for 3 s and more, and a worker's "stopped" answer waited behind it: on a loaded machine
   * past vitest's 10 s, which it reports as "Timeout terminating … worker". Here each test of a
   * file's top level (an operation's checks) is handed over in turn, with a pause every 50 ms.
   */
  override async onTestRunEnd(modules: ReadonlyArray<TestModule>): Promise<void> {
    let sliceStart = performance.now()
    for (const module of modules) {
      // allure-vitest reads the task behind each module too (vitest keeps it out of its types).
      const file = (module as unknown as { task: RunnerTestFile }).task
      // The file's own hooks: a failed beforeAll is a global error of the report.
      this.handleTask({ ...file, tasks: [] })
      for (const task of file.tasks) {
        this.handleTask(task)
        if (performance.now() - sliceStart < this.#sliceMs) continue
        await new Promise((resolve) => setImmediate(resolve))
        sliceStart = performance.now()
      }
    }
    // The global messages gathered meanwhile.
    super.onTestRunEnd([])
  }
}

export class RunInfoReporter implements Reporter {
  #vitest: Vitest | undefined
  readonly #resultsDir: string

  constructor(resultsDir: string) {
    this.#resultsDir = resultsDir
  }

  onInit(vitest: Vitest): void {
    this.#vitest = vitest
  }

  onTestRunEnd(): void {
    const context = runContext(this.#vitest)
    mkdirSync(this.#resultsDir, { recursive: true })
    const write = (name: string, text: string) => writeFileSync(join(this.#resultsDir, name), text)
    write('executor.json', `${JSON.stringify(executorInfo(process.env), null, 2)}\n`)
    if (context?.resolvedConfig !== undefined)
      write('environment.properties', environmentProperties(context.resolvedConfig, context.endpoint))
  }
}

/** What the report's Environment panel lists. Never a credential: only which kind the run used. */
export function environmentProperties(config: RunConfig, endpoint: string): string {
  const entries: Record<string, string> = {
    target: config.target,
    rules: config.rules,
    endpoint: config.endpoint === undefined ? `${endpoint} (embedded mock)` : endpoint,
    'spec.version': `@seamapi/types ${pinnedSpecVersion()}`,
    seed: String(config.seed),
    runs: String(config.runs),
    operations: config.operations,
    credential: config.auth.primary,
    'node.version': process.version,
  }
  return Object.entries(entries)
    .map(([key, value]) => `${key} = ${value.replaceAll('\\', '\\\\').replaceAll('\n', ' ')}\n`)
    .join('')
}

/** Who ran it: the CI build when there is one (GitHub Actions' own variables), else a local run. */
export function executorInfo(env: Record<string, string | undefined>): Record<string, string | number> {
  const server = env.GITHUB_SERVER_URL
  const repository = env.GITHUB_REPOSITORY
  const runId = env.GITHUB_RUN_ID
  if (server === undefined || repository === undefined || runId === undefined)
    return { name: 'local', type: 'local', buildName: 'npm run conformance' }
  const buildUrl = `${server}/${repository}/actions/runs/${runId}`
  return {
    name: 'GitHub Actions',
    type: 'github',
    url: `${server}/${repository}`,
    buildOrder: Number(env.GITHUB_RUN_NUMBER ?? runId),
    buildName: `${env.GITHUB_WORKFLOW ?? 'workflow'} #${env.GITHUB_RUN_NUMBER ?? runId}`,
    buildUrl,
  }
}
