// `npm run spec:diff` as a user meets it: the fixture documents from files and from the version cache,
// JSON output, --fail-on, and one-line errors with exit 2 for bad input. No test reaches the registry.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { runScript } from '../helpers/run-script.ts'

const BEFORE = 'test/fixtures/spec-diff/before.json'
const AFTER = 'test/fixtures/spec-diff/after.json'
const scratch = mkdtempSync(join(tmpdir(), 'spec-diff-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const specDiff = (args: string[], env: Record<string, string> = {}) =>
  runScript('scripts/spec-diff.ts', args, env)

describe('spec:diff between two documents', () => {
  it('prints the changes grouped by severity and exits 0', async () => {
    const { code, stdout, stderr } = await specDiff(['--from', BEFORE, '--to', AFTER])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toContain('8 → 8 operations; 7 breaking, 2 deprecated, 4 additive')
    expect(stdout).toContain('void → object     POST /things/delete  void → object "thing"')
    expect(stdout.indexOf('Breaking for SDKs (7)')).toBeLessThan(stdout.indexOf('Additive (4)'))
  })

  it('prints JSON with --json', async () => {
    const { code, stdout } = await specDiff(['--from', BEFORE, '--to', AFTER, '--json'])
    expect(code).toBe(0)
    const diff = JSON.parse(stdout) as { changes: Array<{ severity: string }> }
    expect(diff.changes).toHaveLength(13)
    expect(diff.changes[0]).toMatchObject({ severity: 'breaking', kind: 'operation_removed' })
  })

  it('exits 1 with --fail-on breaking when a change breaks, 0 when none does', async () => {
    expect((await specDiff(['--from', BEFORE, '--to', AFTER, '--fail-on', 'breaking'])).code).toBe(1)
    expect((await specDiff(['--from', AFTER, '--to', AFTER, '--fail-on', 'additive'])).code).toBe(0)
  })

  it('reads a published version from the cache without fetching it', async () => {
    const cache = join(scratch, 'cache')
    mkdirSync(cache)
    copyFileSync(BEFORE, join(cache, 'seamapi-types-9.9.9.openapi.json'))
    const { code, stdout } = await specDiff(['--from', '9.9.9', '--to', AFTER, '--cache', cache])
    expect(code).toBe(0)
    expect(stdout).toContain('@seamapi/types@9.9.9 → after.json: 8 → 8 operations; 7 breaking')
  })
})

describe('spec:diff, given bad input', () => {
  const notJson = join(scratch, 'not.json')
  const notOpenApi = join(scratch, 'swagger.json')
  writeFileSync(notJson, '{"openapi": ')
  writeFileSync(notOpenApi, JSON.stringify({ swagger: '2.0', paths: {} }))

  it.each([
    [['--bogus'], "spec:diff: Unknown option '--bogus'"],
    [['--to', AFTER], 'spec:diff: --from is required'],
    [['--from', 'next-week'], 'spec:diff: --from next-week: "next-week" is not a version of @seamapi/types'],
    [
      ['--from', BEFORE, '--fail-on', 'minor'],
      'spec:diff: --fail-on must be one of breaking, deprecated, additive',
    ],
    [['--from', notJson], `spec:diff: --from ${notJson}: ${notJson} is not JSON`],
    [
      ['--from', BEFORE, '--to', notOpenApi],
      `spec:diff: --to ${notOpenApi}: spec is not an OpenAPI document`,
    ],
  ])('%j exits 2 with one line', async (args, message) => {
    const { code, stderr, stdout } = await specDiff(args)
    expect(code).toBe(2)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toContain(message)
    expect(stdout).toBe('')
  })

  it('exits 2 with one line when the registry cannot be reached', async () => {
    const { code, stderr } = await specDiff(
      ['--from', '0.0.1', '--to', AFTER, '--cache', join(scratch, 'empty')],
      {
        npm_config_registry: 'http://127.0.0.1:9/',
        npm_config_cache: join(scratch, 'npm-cache'),
      },
    )
    expect(code).toBe(2)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toContain('spec:diff: --from 0.0.1: cannot fetch @seamapi/types@0.0.1:')
  })
})
