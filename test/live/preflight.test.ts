import { afterEach, describe, expect, it } from 'vitest'

import { preflight } from '../../suites/live/preflight.ts'
import { resolveConfig } from '../../suites/support/config.ts'
import { type LiveWorkspace, startLiveWorkspace } from '../fixtures/live-workspace.ts'

let workspace: LiveWorkspace | undefined
afterEach(async () => {
  await workspace?.close()
  workspace = undefined
})

const live = (env: Record<string, string>) => resolveConfig({ SEAM_TARGET: 'live', ...env }, () => 1)

describe('live preflight', () => {
  it('accepts a sandbox and names it', async () => {
    workspace = await startLiveWorkspace()
    const config = live({ SEAM_API_KEY: workspace.apiKey })
    await expect(preflight(config, workspace.url)).resolves.toEqual({
      workspaceId: 'w',
      name: 'Test',
      isSandbox: true,
    })
  })

  it('refuses a workspace that is not a sandbox, unless production is allowed', async () => {
    workspace = await startLiveWorkspace('not_a_sandbox')
    const config = live({ SEAM_API_KEY: workspace.apiKey })
    await expect(preflight(config, workspace.url)).rejects.toThrow(/is not a sandbox/)
    const allowed = live({ SEAM_API_KEY: workspace.apiKey, SEAM_ALLOW_PRODUCTION: '1' })
    await expect(preflight(allowed, workspace.url)).resolves.toMatchObject({ isSandbox: false })
  })

  it('says when the key is rejected or nothing answers', async () => {
    workspace = await startLiveWorkspace()
    await expect(preflight(live({ SEAM_API_KEY: 'seam_other' }), workspace.url)).rejects.toThrow(
      /^SEAM_API_KEY was rejected by http:\/\/127\.0\.0\.1:\d+: 401 unauthorized$/,
    )
    await expect(preflight(live({ SEAM_API_KEY: 'k' }), 'http://127.0.0.1:9')).rejects.toThrow(
      'cannot reach http://127.0.0.1:9: connection refused',
    )
  })
})
