import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { findingKey } from '../../suites/live/findings.ts'
import { findFixtures } from '../../suites/live/fixtures.ts'
import { readLedger } from '../../suites/live/ledger.ts'
import { LIVE_PROPERTIES } from '../../suites/live/properties.ts'
import type { LiveRun } from '../../suites/live/run-context.ts'
import { runLiveProperty, statefulReplay } from '../../suites/live/stateful-plan.ts'
import { type LiveFault, type LiveWorkspace, startLiveWorkspace } from '../fixtures/live-workspace.ts'
import { testLiveClient } from '../helpers/live-client.ts'
import { operations } from '../helpers/model.ts'

let workspace: LiveWorkspace | undefined
afterEach(async () => {
  await workspace?.close()
  workspace = undefined
})

/** Every live property's findings against the test workspace, with or without a fault. */
async function liveFindings(fault?: LiveFault): Promise<{ keys: string[]; ledger: string }> {
  workspace = await startLiveWorkspace(fault)
  const client = testLiveClient(workspace.url, workspace.apiKey, { concurrency: 2 })
  const ledger = join(mkdtempSync(join(tmpdir(), 'live-')), 'ledger.jsonl')
  const run: LiveRun = { client, runTag: 'seam-conformance-test', ledgerPath: ledger, recorded: new Set() }
  try {
    const { fixtures, findings } = await findFixtures(run, {})
    const context = {
      run,
      fixtures,
      operations,
      seed: 7,
      runs: 5,
      replay: statefulReplay({ seed: 7, runs: 5 }),
    }
    for (const property of LIVE_PROPERTIES) {
      findings.push(...(await runLiveProperty(property, context)).findings)
    }
    return { keys: findings.map(findingKey), ledger }
  } finally {
    await client.close()
  }
}

describe('live properties', () => {
  it('a workspace that keeps the contract passes every property, and every creation is in the ledger', async () => {
    const { keys, ledger } = await liveFindings()
    expect(keys).toEqual([])
    const kinds = new Set(readLedger(ledger).map((entry) => entry.kind))
    expect([...kinds].sort()).toEqual(['access_grant', 'acs_user', 'device_access', 'user_identity'])
  })

  it.each<[LiveFault, string]>([
    [
      'revoke_ignored',
      'grant_then_accessible_revoke_then_not: violation /user_identities/list_accessible_devices',
    ],
    [
      'second_grant_fails',
      'grant_then_accessible_revoke_then_not: target_failure /user_identities/grant_access_to_device',
    ],
    ['acs_user_not_listed', 'add_acs_user_then_listed: violation /user_identities/list_acs_users'],
    ['grant_lost_after_create', 'access_grant_create_get_delete: violation /access_grants/get'],
    ['delete_ignored', 'access_grant_create_get_delete: violation /access_grants/get'],
    [
      'grant_routes_missing',
      'grant_then_accessible_revoke_then_not: operation_missing /user_identities/grant_access_to_device',
    ],
    ['outage', 'fixtures: target_failure /devices/list'],
    ['unknown_id_found', 'never_created_id_is_not_found: violation /acs/users/get'],
  ])('a workspace with %s is caught: %s', async (fault, expected) => {
    const { keys } = await liveFindings(fault)
    expect(keys).toContain(expected)
  })
})
