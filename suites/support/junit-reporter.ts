// vitest's JUnit reporter, writing its file once at the end of the run: vitest's own awaits a write
// to the file for every line, some 17 000 for the whole API's 8352 tests. The XML is the same, but
// for a run in parts (suites/support/parts.ts): vitest writes a testsuite per file and part, and
// each file's parts are joined into the one testsuite a run in one part has.
import { writeFileSync } from 'node:fs'

import { JUnitReporter, type Vitest } from 'vitest/node'

import { mergeJunit } from './shards/merge-junit.ts'

/** The fields of vitest 5's JUnitReporter that it writes each line through (private in its types). */
type Internals = {
  reportFile?: string
  baseLog?: (text: string) => Promise<void>
  logger?: { baseLog: (text: string) => Promise<void> }
}

export class BufferedJUnitReporter extends JUnitReporter {
  #lines: string[] | undefined

  override async onInit(vitest: Vitest): Promise<void> {
    await super.onInit(vitest)
    const internals = this as unknown as Internals
    // Another vitest may lay the reporter out differently: then it writes as it always did.
    if (
      internals.reportFile === undefined ||
      internals.baseLog === undefined ||
      internals.logger === undefined
    )
      return
    const lines: string[] = []
    this.#lines = lines
    internals.baseLog = async (text) => void lines.push(text)
    internals.logger.baseLog = internals.baseLog
  }

  override async onTestRunEnd(...args: Parameters<JUnitReporter['onTestRunEnd']>): Promise<void> {
    await super.onTestRunEnd(...args)
    const { reportFile } = this as unknown as Internals
    if (this.#lines === undefined || reportFile === undefined) return
    const xml = this.#lines.map((line) => `${line}\n`).join('')
    writeFileSync(reportFile, repeatsSuite(xml) ? mergeJunit([xml]) : xml)
    this.#lines.length = 0
  }
}

/** Whether a file's testsuite appears more than once: the parts of a run in parts. */
function repeatsSuite(xml: string): boolean {
  const names = [...xml.matchAll(/<testsuite name="([^"]*)"/g)].map((match) => match[1])
  return new Set(names).size < names.length
}
