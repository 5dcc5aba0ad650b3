// `npm run sdk-gate` as a user meets it: one-line errors for bad input, with their own exit codes
// for an SDK that cannot be installed (3) or loaded (4); a passing run prints the coverage and says
// PASS; a release that lost a method since the baseline fails (1).
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { runScript } from '../helpers/run-script.ts'

const sdkGate = (args: string[], env: Record<string, string> = {}) =>
  runScript('scripts/sdk-gate.ts', args, env)

describe('sdk-gate, given bad input', () => {
  it.each([
    [['--bogus'], "sdk-gate: Unknown option '--bogus'"],
    [['--runs', '0'], 'sdk-gate: --runs must be a positive integer, not "0"'],
    [['--seed', 'abc'], 'sdk-gate: --seed must be an integer, not "abc"'],
    [['--sdk', ''], 'sdk-gate: --sdk needs an npm spec, a tarball or a directory'],
    [['--sdk', './no-such-sdk.tgz'], 'sdk-gate: --sdk "./no-such-sdk.tgz": no such file or directory'],
    [['--baseline', ''], 'sdk-gate: --baseline needs a version, a tarball, a directory or none'],
    [
      ['--sdk', 'left-pad@1.3.0'],
      'sdk-gate: --sdk "left-pad@1.3.0": expected @seamapi/http@<version or dist-tag>',
    ],
    [['--operations', '/no_such_path'], 'sdk-gate: operation filter "/no_such_path" matches no operation'],
    [['--target', 'staging'], 'sdk-gate: --target must be "mock" or "live", not "staging"'],
    [['--endpoint', 'http://127.0.0.1:9'], 'sdk-gate: --endpoint is for --target live'],
    [['--target', 'live'], 'sdk-gate: live mode needs SEAM_API_KEY'],
  ])('%j exits 2 with one line', async (args, message) => {
    const { code, stderr } = await sdkGate(args)
    expect(code).toBe(2)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toContain(message)
  })

  it.each([
    [['--sdk', 'README.md'], 3, 'sdk-gate: --sdk "README.md": npm could not install it'],
    [['--baseline', 'README.md'], 3, 'sdk-gate: --baseline "README.md": npm could not install it'],
    [
      ['--sdk', 'test/fixtures/sdk-without-endpoints'],
      4,
      'sdk-gate: --sdk "test/fixtures/sdk-without-endpoints": @seamapi/http@0.0.0-without-endpoints does not export SeamHttpEndpoints from /connect',
    ],
  ])(
    '%j exits %i with one line: an SDK that cannot be installed or loaded',
    async (args, exitCode, message) => {
      const { code, stderr } = await sdkGate(args)
      expect(code).toBe(exitCode)
      expect(stderr.trim().split('\n')).toHaveLength(1)
      expect(stderr).toContain(message)
    },
  )

  it('reads SEAM_OPERATIONS when --operations is not given', async () => {
    const { code, stderr } = await sdkGate(['--seed', '3'], { SEAM_OPERATIONS: '/no_such_path' })
    expect(code).toBe(2)
    expect(stderr).toContain('operation filter "/no_such_path" matches no operation')
  })
})

describe('sdk-gate with the pinned SDK', () => {
  it('passes one operation, printing the coverage and its timing and writing the reports; --operations wins over SEAM_OPERATIONS', async () => {
    const reports = mkdtempSync(join(tmpdir(), 'sdk-gate-'))
    const { code, stdout } = await sdkGate(
      ['--operations', 'POST /access_grants/create', '--seed', '3', '--reports', reports],
      { SEAM_OPERATIONS: '/no_such_path' },
    )
    expect(code).toBe(0)
    expect(stdout).toContain('SDK coverage (@seamapi/http@1.121.0)')
    expect(stdout).toContain('Spec operations without an SDK method:')
    expect(stdout).toMatch(/1 operations called through the SDK \(6 calls, [\d.]+ s, [\d.]+ s CPU\);/)
    expect(stdout).toMatch(/PASS: no check failed/)
    expect(readFileSync(join(reports, 'sdk-gate.txt'), 'utf8')).toContain(
      'sit on a path the SDK calls with another method',
    )
    const junit = readFileSync(join(reports, 'sdk-gate.junit.xml'), 'utf8')
    expect(junit).toContain('<testcase classname="POST /access_grants/create" name="sdk_object_result"')
    const results = readdirSync(join(reports, 'allure-results')).filter((name) =>
      name.endsWith('-result.json'),
    )
    // A result per check of the operation (sdk_object_result, sdk_request, sdk_errors, object_shape) and the coverage.
    expect(results).toHaveLength(5)
  })
})

describe('sdk-gate against a baseline release', () => {
  it('fails a release that lost a method the spec still has, naming it', async () => {
    const reports = mkdtempSync(join(tmpdir(), 'sdk-gate-'))
    const { code, stdout } = await sdkGate([
      '--sdk',
      'test/fixtures/sdk-drops-method',
      '--operations',
      'PUT /user_identities/grant_access_to_device',
      '--seed',
      '3',
      '--reports',
      reports,
    ])
    expect(code).toBe(1)
    expect(stdout).toContain(
      'SDK methods since the baseline (@seamapi/http@1.121.0 → @seamapi/http@1.121.0-drops-access-grants-create)',
    )
    expect(stdout).toMatch(
      /Lost methods whose operation the spec still has[^\n]*\n  \/access_grants\/create \(POST \/access_grants\/create\)\n/,
    )
    expect(stdout).toMatch(/FAIL: 1 method\(s\) lost since @seamapi\/http@1\.121\.0\n/)
    expect(readFileSync(join(reports, 'sdk-gate.txt'), 'utf8')).toContain('  /access_grants/create (POST')
  })
})
