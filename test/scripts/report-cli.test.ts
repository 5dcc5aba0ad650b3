// `npm run report` given nothing to report, or a wrong flag: one line, exit 2.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { runScript } from '../helpers/run-script.ts'

describe('report, given bad input', () => {
  const empty = mkdtempSync(join(tmpdir(), 'report-'))
  it.each([
    [['--bogus'], "report: Unknown option '--bogus'"],
    [['--reports', empty], `report: no Allure results in ${join(empty, 'allure-results')}`],
  ])('%j exits 2 with one line', async (args, message) => {
    const { code, stderr, stdout } = await runScript('scripts/report.ts', args)
    expect(code).toBe(2)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toContain(message)
    expect(stdout).toBe('')
  })
})
