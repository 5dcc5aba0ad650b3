// The spec as a file and what it gets wrong about itself, as a user runs them: `spec:export`
// writes the pinned document as published, `spec:lint` lists a spec's own flaws, and bad input to
// either (or to `mock`) is one line and exit 2.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import { pinnedDocument } from '../../contracts/spec.ts'
import { runScript } from '../helpers/run-script.ts'

const FLAWED = 'test/fixtures/spec-lint/flawed.json'

describe('spec:export', () => {
  it.each([
    ['JSON', [], (text: string) => JSON.parse(text) as unknown],
    ['YAML', ['--yaml'], (text: string) => parse(text) as unknown],
  ] as const)('writes the pinned spec as published, as %s', async (format, flags, read) => {
    const out = join(mkdtempSync(join(tmpdir(), 'spec-export-')), 'spec', `openapi.${format.toLowerCase()}`)
    const { code, stdout } = await runScript('scripts/spec-export.ts', ['--out', out, ...flags])
    expect(code).toBe(0)
    expect(stdout).toMatch(
      new RegExp(
        `^wrote .*openapi\\.${format.toLowerCase()}: @seamapi/types \\d+\\.\\d+\\.\\d+, ${format}, [\\d.]+ MB\\n$`,
      ),
    )
    expect(read(readFileSync(out, 'utf8'))).toEqual(pinnedDocument())
  })

  it('writes only the operations asked for, with the components they reach', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'spec-export-')), 'seed.json')
    const { code, stdout } = await runScript('scripts/spec-export.ts', ['--out', out, '--seed-endpoints'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^wrote .*seed\.json: @seamapi\/types [\d.]+, \d+ operation\(s\), JSON, \d+ KB\n$/)
    const written = JSON.parse(readFileSync(out, 'utf8')) as { paths: Record<string, object> }
    expect(Object.keys(written.paths).sort()).toEqual([
      '/access_grants/create',
      '/acs/entrances/grant_access',
      '/user_identities/add_acs_user',
      '/user_identities/grant_access_to_device',
      '/user_identities/revoke_access_to_device',
    ])
  })
})

describe('spec:lint', () => {
  it('lists every flaw of a spec by kind, with the operations that reach it, and exits 0', async () => {
    const { code, stdout } = await runScript('scripts/spec-lint.ts', ['--spec', FLAWED])
    expect(code).toBe(0)
    expect(stdout.split('\n')[0]).toBe('flawed.json: 7 finding(s) in the spec itself')
    expect(stdout).toContain('Examples that break their own schema (2)')
    expect(stdout).toContain('Required properties the schema never defines (1)')
    expect(stdout).toContain('    reached by: POST /things/get, POST /things/list')
  })

  it('fails with --fail-on-findings, and speaks JSON with --json', async () => {
    expect((await runScript('scripts/spec-lint.ts', ['--spec', FLAWED, '--fail-on-findings'])).code).toBe(1)
    const { stdout } = await runScript('scripts/spec-lint.ts', ['--spec', FLAWED, '--json'])
    const json = JSON.parse(stdout) as { spec: string; findings: { kind: string }[] }
    expect(json.spec).toBe('flawed.json')
    expect(json.findings).toHaveLength(7)
  })
})

describe('given bad input', () => {
  it.each([
    ['scripts/spec-export.ts', ['--bogus'], "spec:export: Unknown option '--bogus'"],
    [
      'scripts/spec-export.ts',
      ['--out', '/proc/no/such.json'],
      'spec:export: cannot write /proc/no/such.json',
    ],
    ['scripts/spec-lint.ts', ['--samples', '0'], 'spec:lint: --samples must be a positive integer, not "0"'],
    [
      'scripts/spec-lint.ts',
      ['--spec', 'no-such-spec'],
      'spec:lint: "no-such-spec" is not a version of @seamapi/types',
    ],
    ['scripts/spec-lint.ts', ['--spec', 'no/such/spec.json'], 'spec:lint: no file at no/such/spec.json'],
    [
      'scripts/mock.ts',
      ['--engine', 'wiremock'],
      'mock: --engine must be contract or prism-cli, not "wiremock"',
    ],
    [
      'scripts/mock.ts',
      ['--engine', 'prism-cli', '--rules', 'seam'],
      'mock: --rules is for the contract mock',
    ],
    ['scripts/mock.ts', ['--port', 'x'], 'mock: --port must be 0–65535, not "x"'],
    [
      'scripts/mock.ts',
      ['--engine', 'prism-cli', '--spec', 'no/such/spec.json'],
      'mock: no file at no/such/spec.json',
    ],
    [
      'scripts/spec-export.ts',
      ['--operations', '/no_such_thing'],
      'spec:export: operation filter "/no_such_thing" matches no operation in the spec',
    ],
    [
      'scripts/mock.ts',
      ['--seed-endpoints'],
      'mock: --operations and --seed-endpoints are for --engine prism-cli',
    ],
  ])('%s %j exits 2 with one line', async (script, args, message) => {
    const { code, stdout, stderr } = await runScript(script, args)
    expect(code).toBe(2)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toContain(message)
    expect(stdout).toBe('')
  })
})
