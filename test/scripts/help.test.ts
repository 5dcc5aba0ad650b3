// Every command-line entry point answers --help with its usage on stdout and exit 0, and says
// "(see --help)" for a flag it does not know.
import { readdirSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { runScript } from '../helpers/run-script.ts'

const SCRIPTS = readdirSync('scripts').filter((name) => name.endsWith('.ts'))

/** The npm script that runs each file: the usage names it. */
const NPM_SCRIPT: Record<string, string> = {
  'spec-diff.ts': 'spec:diff',
  'spec-export.ts': 'spec:export',
  'spec-lint.ts': 'spec:lint',
}

describe('every script in scripts/', () => {
  it('is listed here: ten commands', () => {
    expect(SCRIPTS.sort()).toEqual([
      'bench.ts',
      'conformance.ts',
      'fake.ts',
      'merge-shards.ts',
      'mock.ts',
      'report.ts',
      'sdk-gate.ts',
      'spec-diff.ts',
      'spec-export.ts',
      'spec-lint.ts',
    ])
  })

  // -h is the same flag: parseCommandFlags's type requires every command to declare both.
  it.each(SCRIPTS)('%s --help prints its usage and exits 0', async (script) => {
    const command = NPM_SCRIPT[script] ?? script.replace(/\.ts$/, '')
    const { code, stdout, stderr } = await runScript(`scripts/${script}`, ['--help'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout.startsWith(`Usage: npm run ${command} --`)).toBe(true)
    expect(stdout).toContain('-h, --help')
  })

  it.each(SCRIPTS)('%s points to --help for an unknown flag', async (script) => {
    const { code, stderr } = await runScript(`scripts/${script}`, ['--bogus'])
    expect(code).toBe(2)
    expect(stderr).toContain("Unknown option '--bogus' (see --help)")
  })
})
