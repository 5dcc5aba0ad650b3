// The SDK gate against a sandbox workspace, end to end against `@seamapi/fake-seam-connect`: the
// same guard, ledger and clean-up as live mode, the SDK's calls through the live wire with
// sdk_void_result, sdk_object_result, sdk_errors and sdk_request on real answers, and exactly the
// fake's known divergences (docs/known-divergences.md, "The SDK gate against the fake").
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type FakeSandbox, startFakeSandbox } from '../../suites/live/fake-sandbox.ts'
import { readLedger } from '../../suites/live/ledger.ts'
import { node, runTaggedAcsUsers } from '../helpers/fake-run.ts'

let fake: FakeSandbox
beforeAll(async () => {
  fake = await startFakeSandbox()
})
afterAll(() => fake.close())

/** The list docs/fake-sdk-gate-divergences.txt keeps (one a line, `#` comments). */
function knownDivergences(): string[] {
  return readFileSync('docs/fake-sdk-gate-divergences.txt', 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .sort()
}

const liveGate = (env: Record<string, string>, args: string[] = []) =>
  node(
    ['scripts/sdk-gate.ts', '--target', 'live', '--endpoint', fake.url, '--seed', '1', ...args],
    env,
    240_000,
  )

describe('the SDK gate against the fake sandbox', () => {
  it('cleans a killed run, reports exactly the known divergences, leaves nothing behind and no secret', async () => {
    const reports = mkdtempSync(join(tmpdir(), 'sdk-gate-live-'))
    const ledger = join(reports, 'live-ledger.jsonl')
    const killed = await node(['test/fixtures/killed-run.ts', fake.url, fake.apiKey, ledger], {}, 240_000)
    expect(killed.status).toBeNull()
    expect(readLedger(ledger)).toHaveLength(1)

    const run = await liveGate({ SEAM_API_KEY: fake.apiKey, SEAM_USER_IDENTITY_ID: fake.userIdentityId }, [
      '--reports',
      reports,
    ])
    expect(run.stdout).toContain(
      `against ${fake.url} (workspace "My Workspace" (seed_workspace_1), a sandbox)`,
    )
    expect(run.stdout).toContain('cleaned 1 resource(s) an earlier run left')
    const summary = JSON.parse(readFileSync(join(reports, 'sdk-gate-live-summary.json'), 'utf8')) as {
      divergences: string[]
      created: unknown[]
      removed: unknown[]
      notRemoved: unknown[]
      leftovers: unknown[]
    }
    // A new divergence, or one that is gone, fails here: update docs/fake-sdk-gate-divergences.txt with the fake.
    expect(summary.divergences).toEqual(knownDivergences())
    expect(summary.created.length).toBeGreaterThan(0)
    expect(summary.removed).toHaveLength(summary.created.length)
    expect(summary.notRemoved).toEqual([])
    expect(summary.leftovers).toEqual([])
    expect(existsSync(ledger)).toBe(false)
    expect(await runTaggedAcsUsers(fake)).toEqual([])
    // The divergences fail the gate, and stay visible in its output.
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(
      /\nTarget failures \(76: [^\n]*\n  POST \/access_codes\/get — operation_missing: 404 not_found/,
    )
    expect(run.stdout).toMatch(/FAIL: \d+ target failure\(s\)\n$/)

    // The SDK met real answers: objects it unwrapped, errors it raised, and requests as sent.
    const junit = readFileSync(join(reports, 'sdk-gate.junit.xml'), 'utf8')
    for (const passed of [
      'classname="GET /workspaces/get" name="sdk_object_result"',
      'classname="POST /devices/list" name="sdk_object_result"',
      'classname="POST /devices/list" name="sdk_errors"',
      'classname="POST /devices/list" name="sdk_request"',
      'classname="POST /acs/entrances/grant_access" name="sdk_void_result"',
    ])
      expect(junit).toMatch(new RegExp(`<testcase ${passed} time="[\\d.]+"/>`))
    expect(junit).toMatch(
      /<testcase classname="PUT \/user_identities\/add_acs_user" name="sdk_errors" time="[\d.]+"\/>/,
    )
    expect(junit).toContain('<error message="operation_missing: 404 without an error envelope')

    for (const file of files(reports)) expect(readFileSync(file, 'utf8'), file).not.toContain(fake.apiKey)
  }, 300_000)

  it('removes what it created even when the run stops with an error', async () => {
    const reports = mkdtempSync(join(tmpdir(), 'sdk-gate-live-'))
    // In the spec, but no SDK method calls it: the run stops after the fixtures were created.
    const run = await liveGate({ SEAM_API_KEY: fake.apiKey, SEAM_USER_IDENTITY_ID: fake.userIdentityId }, [
      '--operations',
      'POST /seam/bridge/v1/bridge_client_sessions/create',
      '--reports',
      reports,
    ])
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('no SDK method calls the selected operations')
    const summary = JSON.parse(readFileSync(join(reports, 'sdk-gate-live-summary.json'), 'utf8')) as {
      created: unknown[]
      removed: unknown[]
    }
    expect(summary.created.length).toBeGreaterThan(0)
    expect(summary.removed).toHaveLength(summary.created.length)
    expect(existsSync(join(reports, 'live-ledger.jsonl'))).toBe(false)
    expect(await runTaggedAcsUsers(fake)).toEqual([])
  })

  it.each([
    [{ SEAM_API_KEY: 'productionKey' }, /is not a sandbox: .* unless given --allow-production/],
    [{ SEAM_API_KEY: 'seam_not_a_key' }, /SEAM_API_KEY was rejected by http:\/\/127\.0\.0\.1:\d+/],
  ])('refuses before the SDK calls anything, in one line: %j', async (env, message) => {
    const key = env.SEAM_API_KEY === 'productionKey' ? { SEAM_API_KEY: fake.productionApiKey } : env
    const run = await liveGate(key, ['--reports', mkdtempSync(join(tmpdir(), 'sdk-gate-live-'))])
    expect(run.status).toBe(2)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(message)
  })
})

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  )
}
