import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'
import { JUnitReporter, type Vitest } from 'vitest/node'

import { BufferedJUnitReporter } from '../../../suites/support/junit-reporter.ts'

const vitest = (root: string) => ({ config: { root }, logger: { log() {} } }) as unknown as Vitest

describe('BufferedJUnitReporter', () => {
  it('writes nothing until the run ends, then what vitest would have written', async () => {
    const root = mkdtempSync(join(tmpdir(), 'junit-'))
    const buffered = new BufferedJUnitReporter({ outputFile: 'buffered.xml', hostname: 'h' })
    const plain = new JUnitReporter({ outputFile: 'plain.xml', hostname: 'h' })
    for (const reporter of [buffered, plain]) {
      await reporter.onInit(vitest(root))
      await reporter.writeElement('early', {}, async () => {})
    }
    const read = (name: string) => readFileSync(join(root, name), 'utf8')
    // If vitest's reporter changed its inner layout, this fails rather than quietly writing per line.
    expect(read('buffered.xml')).toBe('')
    expect(read('plain.xml')).not.toBe('')
    for (const reporter of [buffered, plain]) await reporter.onTestRunEnd([])
    const timeless = (xml: string) => xml.replace(/ timestamp="[^"]*"/g, '')
    expect(timeless(read('buffered.xml'))).toBe(timeless(read('plain.xml')))
    expect(read('buffered.xml')).toContain('<testsuites')
  })
})
