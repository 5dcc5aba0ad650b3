// Before a live run sends anything else: the endpoint answers, the credential is accepted, and the
// workspace is a sandbox (or the run was told explicitly that production is fine). Each failure is
// one line, thrown, so the command exits 2 before any test runs.
import { readErrorEnvelope } from '../../contracts/error-envelope.ts'
import type { RunConfig } from '../support/config.ts'
import { createLiveClient } from './live-client.ts'

export type Workspace = { workspaceId: string; name: string; isSandbox: boolean }

export async function preflight(config: RunConfig, endpoint: string): Promise<Workspace> {
  const client = createLiveClient({
    endpoint,
    auth: config.auth,
    timeoutMs: Math.min(config.timeoutMs, 10_000),
    concurrency: 1,
    deadline: Date.now() + 60_000,
    maxRetries: 2,
  })
  try {
    const answer = await client.call('/workspaces/get')
    const credential =
      config.auth.primary === 'api_key'
        ? 'SEAM_API_KEY'
        : 'SEAM_PERSONAL_ACCESS_TOKEN (with SEAM_WORKSPACE_ID)'
    if (answer.error !== undefined) throw new Error(`cannot reach ${endpoint}: ${answer.error}`)
    const type = readErrorEnvelope(answer.json)?.type
    if (answer.status === 401 || answer.status === 403 || type === 'missing_workspace_id') {
      throw new Error(`${credential} was rejected by ${endpoint}: ${answer.status} ${type ?? ''}`.trim())
    }
    const workspace = (answer.json as { workspace?: Record<string, unknown> } | undefined)?.workspace
    if (answer.status !== 200 || typeof workspace !== 'object' || workspace === null) {
      throw new Error(`cannot ask ${endpoint} about the workspace: /workspaces/get answered ${answer.status}`)
    }
    const found = {
      workspaceId: String(workspace.workspace_id),
      name: String(workspace.name),
      isSandbox: workspace.is_sandbox === true,
    }
    if (!found.isSandbox && config.live?.allowProduction !== true) {
      throw new Error(
        `workspace "${found.name}" (${found.workspaceId}) is not a sandbox: a live run creates and deletes resources, so it refuses a production workspace unless given --allow-production`,
      )
    }
    return found
  } finally {
    await client.close()
  }
}
