// Ctrl-C, or a CI runner cancelling the job, during `npm run conformance`: the checks under way
// finish, the reports say what ran, and the exit code is the signal's; a second signal ends it at once.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

const directories: string[] = []
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true })
})

const CONFORMANCE = ['scripts/conformance.ts', '--operations', '/acs']

/**
 * A command (the conformance CLI on `/acs` against the embedded mock, unless told otherwise) sent
 * `signal` once its output shows `ready`, and again once it says it took the first when `twice`.
 */
function interrupted(ready: RegExp, signal: NodeJS.Signals, { twice = false, command = CONFORMANCE } = {}) {
  const reports = mkdtempSync(join(tmpdir(), 'interrupt-'))
  directories.push(reports)
  const child = spawn(process.execPath, [...command, '--seed', '1', '--reports', reports], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1' },
  })
  let stdout = ''
  let stderr = ''
  let sent = 0
  const watch = () => {
    if (sent === 0 && ready.test(stdout)) {
      sent++
      child.kill(signal)
    } else if (sent === 1 && twice && stderr.includes(`${signal}: finishing`)) {
      sent++
      child.kill(signal)
    }
  }
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    watch()
  })
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
    watch()
  })
  return new Promise<{ code: number | null; stdout: string; stderr: string; reports: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr, reports })),
  )
}

describe('npm run conformance, interrupted', () => {
  it('on SIGINT finishes the checks under way, writes the reports of what ran, and exits 130', async () => {
    // The first progress line comes once some checks have run.
    const run = await interrupted(/^progress: /m, 'SIGINT')
    expect(run.code).toBe(130)
    expect(run.stderr).toContain(
      'conformance: SIGINT: finishing the checks under way (the rest are skipped), the reports and the clean-up',
    )
    expect(run.stderr).toContain(
      'conformance: interrupted: the reports hold only the checks that ran before it',
    )
    const summary = JSON.parse(readFileSync(join(run.reports, 'summary.json'), 'utf8')) as {
      results: Array<{ state: string }>
    }
    expect(summary.results.filter((result) => result.state === 'passed').length).toBeGreaterThan(0)
    expect(readFileSync(join(run.reports, 'summary.txt'), 'utf8')).toContain(
      'interrupted: the checks it had not reached are not in this summary',
    )
    expect(readFileSync(join(run.reports, 'junit.xml'), 'utf8')).toContain('<testcase')
    expect(existsSync(join(run.reports, 'coverage.json'))).toBe(true)
  }, 120_000)

  it('stops at once on a second signal', async () => {
    const run = await interrupted(/ RUN /, 'SIGTERM', { twice: true })
    expect(run.code).toBe(143)
    expect(run.stderr).toContain('conformance: SIGTERM again: stopped at once')
  }, 60_000)

  it('stops the SDK gate after the operation under way, with its reports saying so', async () => {
    const run = await interrupted(/^SDK gate: /m, 'SIGINT', { command: ['scripts/sdk-gate.ts'] })
    expect(run.code).toBe(130)
    expect(run.stderr).toContain(
      'sdk-gate: SIGINT: finishing the operation under way, then the reports of what ran',
    )
    expect(readFileSync(join(run.reports, 'sdk-gate.txt'), 'utf8')).toMatch(
      /INTERRUPTED: \d+ of the \d+ operations were called before it; the verdict is theirs alone/,
    )
    expect(readFileSync(join(run.reports, 'sdk-gate.junit.xml'), 'utf8')).toContain('<testsuites')
  }, 60_000)
})
