// The stateful properties go through the engine like every other check: a workspace that breaks one
// is a violation event with its shrunk input and the line that replays it; what the target lacks
// is its failure, reported as operation_missing; a missing fixture is a skip with its reason.
import { once } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Verdict } from '../../suites/engine/events.ts'
import { findingKey } from '../../suites/live/findings.ts'
import { type Fixtures, findFixtures } from '../../suites/live/fixtures.ts'
import { type FakeSandbox, startFakeSandbox } from '../../suites/live/fake-sandbox.ts'
import { readLedger } from '../../suites/live/ledger.ts'
import { LIVE_PROPERTIES, type LiveProperty } from '../../suites/live/properties.ts'
import type { LiveRun } from '../../suites/live/run-context.ts'
import { runLiveProperty, statefulReplay } from '../../suites/live/stateful-plan.ts'
import { formatStatefulFailure } from '../../suites/live/stateful-report.ts'
import type { Trace } from '../../suites/live/trace.ts'
import { type LiveFault, startLiveWorkspace } from '../fixtures/live-workspace.ts'
import { testLiveClient } from '../helpers/live-client.ts'
import { operations } from '../helpers/model.ts'

const REPLAY = statefulReplay({ seed: 7, runs: 5 })
const property = (name: string) => LIVE_PROPERTIES.find((p) => p.name === name) as LiveProperty

/** One property against `url`, through the engine: its verdicts, findings and ledger. */
async function runAgainst(
  url: string,
  apiKey: string,
  name: string,
  hints: { userIdentityId?: string } = {},
) {
  const client = testLiveClient(url, apiKey)
  const ledgerPath = join(mkdtempSync(join(tmpdir(), 'stateful-')), 'ledger.jsonl')
  const run: LiveRun = { client, runTag: 'seam-conformance-test', ledgerPath, recorded: new Set() }
  try {
    const { fixtures } = await findFixtures(run, hints)
    return await runWith(run, fixtures, name, ledgerPath)
  } finally {
    await client.close()
  }
}

async function runWith(run: LiveRun, fixtures: Fixtures, name: string, ledgerPath: string) {
  const context = { run, fixtures, operations, seed: 7, runs: 5, replay: REPLAY }
  const { verdicts, findings } = await runLiveProperty(property(name), context)
  return { verdicts, keys: findings.map(findingKey), ledger: readLedger(ledgerPath) }
}

const failed = (verdicts: Verdict<Trace>[]) =>
  verdicts.filter((v) => v.type === 'violation' || v.type === 'target_failure')

async function againstWorkspace(fault: LiveFault, name: string) {
  const workspace = await startLiveWorkspace(fault)
  try {
    return await runAgainst(workspace.url, workspace.apiKey, name)
  } finally {
    await workspace.close()
  }
}

describe('stateful properties through the engine', () => {
  it('a revoke that does nothing is a violation, shrunk and reported with its replay line', async () => {
    const name = 'grant_then_accessible_revoke_then_not'
    const { verdicts, keys, ledger } = await againstWorkspace('revoke_ignored', name)
    expect(keys).toEqual([`${name}: violation /user_identities/list_accessible_devices`])
    const [violation] = failed(verdicts)
    expect(violation).toMatchObject({ type: 'violation', check: name, scenario: 'model', replay: REPLAY })
    if (violation?.type !== 'violation') return
    expect(violation.violations[0]?.message).toMatch(/^violation \/user_identities\/list_accessible_devices/)
    // Shrunk to a sequence with a revoke in it: the command the workspace ignores.
    const shrunk = violation.exchange.input as Array<{ action: string }>
    expect(shrunk.some((command) => command.action === 'revoke')).toBe(true)
    const report = formatStatefulFailure(violation, property(name))
    expect(report).toContain(`Replay: ${REPLAY}`)
    expect(report).toContain('Shrunk input:')
    expect(report).toMatch(
      /POST \/user_identities\/revoke_access_to_device → 200 \(seam-request-id req_\d+\)/,
    )
    // What the sequences granted is in the ledger, for the clean-up.
    expect(ledger.some((entry) => entry.kind === 'device_access')).toBe(true)
  })

  it('a missing operation is the target failure of the probe, reported as operation_missing', async () => {
    const name = 'grant_then_accessible_revoke_then_not'
    const { verdicts, keys } = await againstWorkspace('grant_routes_missing', name)
    expect(keys).toEqual([`${name}: operation_missing /user_identities/grant_access_to_device`])
    const [probe] = failed(verdicts)
    expect(probe).toMatchObject({ type: 'target_failure', check: 'operations_present', replay: REPLAY })
    if (probe?.type !== 'target_failure') return
    expect(probe.error).toMatch(/^operation_missing \/user_identities\/grant_access_to_device/)
  })

  it('a missing fixture is a skip with its reason, reported as fixture_unavailable', async () => {
    const workspace = await startLiveWorkspace()
    const client = testLiveClient(workspace.url, workspace.apiKey)
    const ledgerPath = join(mkdtempSync(join(tmpdir(), 'stateful-')), 'ledger.jsonl')
    const run: LiveRun = { client, runTag: 'seam-conformance-test', ledgerPath, recorded: new Set() }
    try {
      const fixtures: Fixtures = { deviceIds: [], acsEntranceIds: [], acsUserIds: [] }
      const { verdicts, keys } = await runWith(run, fixtures, 'access_grant_create_get_delete', ledgerPath)
      expect(keys).toEqual(['access_grant_create_get_delete: fixture_unavailable /access_grants/create'])
      expect(verdicts.map((v) => v.type)).toEqual(['check_passed', 'skipped'])
      expect(verdicts[1]).toMatchObject({ reason: 'no userIdentityId, deviceIds could be found or created' })
    } finally {
      await client.close()
      await workspace.close()
    }
  })

  describe('in front of the fake sandbox', () => {
    let fake: FakeSandbox
    let proxy: { url: string; close(): Promise<void> }
    beforeAll(async () => {
      fake = await startFakeSandbox()
      proxy = await findsEveryAcsUser(fake.url)
    })
    afterAll(async () => {
      await proxy?.close()
      await fake?.close()
    })

    it('an ACS user found that was never created is a violation with its replay line', async () => {
      const name = 'never_created_id_is_not_found'
      const { verdicts, keys } = await runAgainst(proxy.url, fake.apiKey, name)
      expect(keys).toEqual([`${name}: violation /acs/users/get`])
      expect(failed(verdicts)[0]).toMatchObject({ type: 'violation', check: name, replay: REPLAY })
    })

    it('the fake’s missing routes are reported as before: each operation_missing once', async () => {
      const name = 'access_grant_create_get_delete'
      const { keys } = await runAgainst(fake.url, fake.apiKey, name, { userIdentityId: fake.userIdentityId })
      expect(keys).toEqual([
        `${name}: operation_missing /access_grants/create`,
        `${name}: operation_missing /access_grants/get`,
        `${name}: operation_missing /access_grants/delete`,
      ])
    })
  })
})

/** A server in front of `target` that answers every /acs/users/get with a user: the fault. */
async function findsEveryAcsUser(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (incoming, outgoing) => {
    let body = ''
    for await (const chunk of incoming) body += String(chunk)
    if (incoming.url === '/acs/users/get') {
      const id = (JSON.parse(body || '{}') as { acs_user_id?: string }).acs_user_id
      outgoing.writeHead(200, { 'content-type': 'application/json' })
      return outgoing.end(JSON.stringify({ ok: true, acs_user: { acs_user_id: id } }))
    }
    const answer = await request(`${target}${incoming.url ?? '/'}`, {
      method: 'POST',
      headers: { authorization: incoming.headers.authorization ?? '', 'content-type': 'application/json' },
      body,
    })
    const headers = Object.fromEntries(
      Object.entries(answer.headers).filter(
        ([key]) => !['content-length', 'transfer-encoding', 'connection'].includes(key),
      ),
    )
    outgoing.writeHead(answer.statusCode, headers as Record<string, string>)
    outgoing.end(Buffer.from(await answer.body.arrayBuffer()))
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections()
      server.close()
      await once(server, 'close')
    },
  }
}
