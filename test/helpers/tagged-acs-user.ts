// What a live run does first in the ledger tests: create one run-tagged ACS user on the workspace's
// first ACS system and record it in the ledger, as the fixtures would.
import type { LiveClient } from '../../suites/live/live-client.ts'
import { record } from '../../suites/live/run-context.ts'

type Run = { client: LiveClient; runTag: string; ledgerPath: string; recorded: Set<string> }

export async function createTaggedAcsUser(run: Run): Promise<string> {
  const systems = (await run.client.call('/acs/systems/list')).json as {
    acs_systems: Array<{ acs_system_id: string }>
  }
  const created = await run.client.call('/acs/users/create', {
    acs_system_id: systems.acs_systems[0]?.acs_system_id,
    full_name: `${run.runTag} guest`,
  })
  const id = (created.json as { acs_user: { acs_user_id: string } }).acs_user.acs_user_id
  record(run, { kind: 'acs_user', id, undo: { path: '/acs/users/delete', body: { acs_user_id: id } } })
  return id
}
