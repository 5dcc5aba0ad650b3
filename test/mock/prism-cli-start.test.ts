// A Prism CLI that cannot start says why in one line: its fatal log line, not the usage text it
// prints after it (whose option list also says "fatal").
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { reasonOf, startPrismCli } from '../../mock/prism-cli.ts'

describe('a Prism CLI start that fails', () => {
  it('gives the fatal line of its log as the reason', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'prism-start-')), 'empty.json')
    writeFileSync(file, '{"openapi": "3.0.0", "info": {"title": "t", "version": "1"}, "paths": {}}')
    await expect(startPrismCli({ specFile: file, output: 'ignore', readyTimeoutMs: 60_000 })).rejects.toThrow(
      /^prism mock exited \(code 1\) before it answered: No operations found in the current file\.$/,
    )
  }, 80_000)

  it('reads the reason without colours, or else from the last line of its errors', () => {
    const usage = '  -v, --verboseLevel  [choices: "trace", "fatal", "silent"]\n'
    const log =
      '[1:00 PM] › [CLI] \u001b[31m✖\u001b[39m  \u001b[31mfatal\u001b[39m     Error opening file "x"\n'
    expect(reasonOf(log, usage)).toBe('Error opening file "x"')
    expect(reasonOf('', `${usage}Error: gone\n`)).toBe('Error: gone')
    expect(reasonOf('', '')).toBe('')
  })
})
