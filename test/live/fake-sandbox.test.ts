// Live mode end to end against `@seamapi/fake-seam-connect`, the stand-in for a sandbox workspace:
// the run reports exactly the fake's known divergences (docs/known-divergences.md), cleans what a
// killed run left, leaves nothing tagged behind, and refuses what it must refuse.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { judgeAnswer } from '../../contracts/seam-errors.ts'
import { type FakeSandbox, startFakeSandbox } from '../../suites/live/fake-sandbox.ts'
import { readLedger } from '../../suites/live/ledger.ts'
import { type Finished, node, runTaggedAcsUsers } from '../helpers/fake-run.ts'
import { testLiveClient } from '../helpers/live-client.ts'

// The whole live run: the seed endpoints and the read-only sweep, on a loaded machine.
const RUN_TIMEOUT_MS = 400_000

let fake: FakeSandbox
beforeAll(async () => {
  fake = await startFakeSandbox()
})
afterAll(() => fake.close())

/**
 * The divergences docs/known-divergences.md lists (lines `- \`property: kind /path\``), and those of
 * the read-only sweep in docs/fake-sweep-divergences.txt (one a line, `#` comments).
 */
function knownDivergences(): string[] {
  const text = readFileSync('docs/known-divergences.md', 'utf8')
  const seed = [...text.matchAll(/^- `([a-z_]+: [a-z_]+ \/[^`]+)`/gm)].map((match) => match[1] as string)
  const sweep = readFileSync('docs/fake-sweep-divergences.txt', 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
  return [...seed, ...sweep].sort()
}

function conformance(env: Record<string, string>, args: string[] = []): Promise<Finished> {
  return node(
    ['scripts/conformance.ts', '--target', 'live', '--endpoint', fake.url, ...args],
    {
      SEAM_RUNS: '5',
      SEAM_SEED: '1',
      // A loaded machine must not turn a slow answer into a divergence.
      SEAM_TIMEOUT_MS: '30000',
      ...env,
    },
    RUN_TIMEOUT_MS,
  )
}

describe('live mode against the fake sandbox', () => {
  it('cleans a killed run, reports exactly the known divergences, and leaves nothing tagged', async () => {
    const reports = mkdtempSync(join(tmpdir(), 'live-reports-'))
    const ledger = join(reports, 'live-ledger.jsonl')
    const killed = await node(
      ['test/fixtures/killed-run.ts', fake.url, fake.apiKey, ledger],
      {},
      RUN_TIMEOUT_MS,
    )
    expect(killed.signal).toBe('SIGKILL')
    expect(readLedger(ledger)).toHaveLength(1)
    expect(await runTaggedAcsUsers(fake)).toEqual(['seam-conformance-killed-1 guest'])

    const run = await conformance({ SEAM_API_KEY: fake.apiKey, SEAM_USER_IDENTITY_ID: fake.userIdentityId }, [
      '--reports',
      reports,
    ])
    expect(run.stdout).toContain('cleaned 1 resource(s) an earlier run left')
    const summary = JSON.parse(readFileSync(join(reports, 'live-summary.json'), 'utf8')) as {
      divergences: string[]
      created: unknown[]
      removed: unknown[]
      notRemoved: unknown[]
      leftovers: unknown[]
      requests: { byCheck: Record<string, { cases: number; operations: number }> }
    }
    // What the night cost per check: every positive check judged cases on the seed operations.
    expect(summary.requests.byCheck.response_schema?.cases).toBeGreaterThan(0)
    expect(summary.requests.byCheck.invalid_rejected?.operations).toBeGreaterThan(0)
    expect(run.stdout).toContain('cases judged per check')
    // A new divergence, or one that is gone, fails here: update docs/known-divergences.md with the fake.
    expect(summary.divergences).toEqual(knownDivergences())
    expect(summary.created.length).toBeGreaterThan(0)
    expect(summary.removed).toHaveLength(summary.created.length)
    expect(summary.notRemoved).toEqual([])
    expect(summary.leftovers).toEqual([])
    expect(existsSync(ledger)).toBe(false)
    expect(await runTaggedAcsUsers(fake)).toEqual([])
    // Divergences fail the run, and stay visible in its output.
    expect(run.status).toBe(1)
    for (const divergence of knownDivergences()) expect(run.stdout).toContain(divergence)
  }, 420_000)

  it.each([
    [{ SEAM_API_KEY: 'productionKey' }, /is not a sandbox: .* unless given --allow-production/],
    [{ SEAM_API_KEY: 'seam_not_a_key' }, /SEAM_API_KEY was rejected by http:\/\/127\.0\.0\.1:\d+/],
    [{}, /live mode needs SEAM_API_KEY/],
  ])('refuses before any test runs, in one line: %j', async (env, message) => {
    const key: Record<string, string> =
      'SEAM_API_KEY' in env && env.SEAM_API_KEY === 'productionKey'
        ? { SEAM_API_KEY: fake.productionApiKey }
        : env
    const run = await conformance(key)
    expect(run.status).toBe(2)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(message)
  })

  it('reports an outage as a target failure, not a contract violation', async () => {
    const outage = await startFakeSandbox()
    try {
      await outage.simulateOutage(['/devices/list'])
      const client = testLiveClient(outage.url, outage.apiKey, { withinMs: 30_000 })
      const answer = await client.call('/devices/list')
      await client.close()
      expect(answer.requestId).toBeDefined()
      expect(judgeAnswer(answer, { namesOnlyExistingResources: true })).toMatchObject({
        kind: 'target_failure',
      })
    } finally {
      await outage.close()
    }
  })
})
