import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { cleanLedger } from '../../suites/live/ledger.ts'
import { taggedLeftovers } from '../../suites/live/run-summary.ts'
import { type LiveFault, type LiveWorkspace, startLiveWorkspace } from '../fixtures/live-workspace.ts'
import { createTaggedAcsUser } from '../helpers/tagged-acs-user.ts'
import { testLiveClient } from '../helpers/live-client.ts'

let workspace: LiveWorkspace | undefined
afterEach(async () => {
  await workspace?.close()
  workspace = undefined
})

/** Creates one tagged ACS user through the ledger, cleans up, and looks again. */
async function leftoversAfterCleanUp(fault?: LiveFault) {
  workspace = await startLiveWorkspace(fault)
  const client = testLiveClient(workspace.url, workspace.apiKey, { withinMs: 30_000 })
  const run = {
    client,
    runTag: 'seam-conformance-t1',
    ledgerPath: join(mkdtempSync(join(tmpdir(), 'summary-')), 'ledger.jsonl'),
    recorded: new Set<string>(),
  }
  try {
    await createTaggedAcsUser(run)
    const cleaned = await cleanLedger(run.ledgerPath, client.call)
    return { removed: cleaned.removed.length, leftovers: await taggedLeftovers(client, run.runTag) }
  } finally {
    await client.close()
  }
}

describe('the second look after clean-up', () => {
  it('finds nothing run-tagged when the deletes worked', async () => {
    expect(await leftoversAfterCleanUp()).toEqual({ removed: 1, leftovers: [] })
  })

  it('finds a run-tagged resource a delete only claimed to remove', async () => {
    const { removed, leftovers } = await leftoversAfterCleanUp('acs_user_delete_ignored')
    expect(removed).toBe(1)
    expect(leftovers).toEqual([{ path: '/acs/users/list', id: expect.any(String) }])
  })
})
