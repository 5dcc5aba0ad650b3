// A stand-in for a sandbox workspace: `@seamapi/fake-seam-connect` in-process on a free loopback
// port, seeded with what a sandbox has. Its `--seed` brings devices and an ACS system but no ACS
// entrances or users, so those are added through the fake's own database, as Seam's SDK tests do.
import { once } from 'node:events'
import { createServer } from 'node:net'

import { createFake } from '@seamapi/fake-seam-connect'
import { request } from 'undici'

export type FakeSandbox = {
  url: string
  /** The seed's key for its sandbox workspace. */
  apiKey: string
  /** The seed's key for its other workspace, which is not a sandbox. */
  productionApiKey: string
  /** The fake has no way to list user identities; a run is told this one. */
  userIdentityId: string
  /** Makes the sandbox workspace answer these routes with an outage (the fake's own route). */
  simulateOutage(routes: string[]): Promise<void>
  close(): Promise<void>
}

export async function startFakeSandbox(options: { port?: number } = {}): Promise<FakeSandbox> {
  const fake = await createFake()
  const seed = await fake.seed()
  const db = fake.database
  const acsSystemId = seed.visionline_acs_system_1
  for (const name of ['Main Entrance', 'Room 101']) {
    db.addAcsEntrance({ acs_system_id: acsSystemId, display_name: name })
  }
  db.addAcsUser({
    acs_system_id: acsSystemId,
    workspace_id: seed.seed_workspace_1,
    external_type: 'salto_site_user',
    full_name: 'Sandbox Guest',
  })

  const port = options.port ?? (await freeLoopbackPort())
  const url = `http://127.0.0.1:${port}`
  const started = await fake.startServer({ port, baseUrl: url })
  // The fake listens on every interface; listen again on loopback only.
  started.server.close()
  await once(started.server, 'close')
  started.server.listen(port, '127.0.0.1')
  await once(started.server, 'listening')

  return {
    url,
    apiKey: seed.seam_apikey1_token,
    productionApiKey: seed.seam_apikey2_token,
    userIdentityId: seed.john_user_identity_id,
    async simulateOutage(routes) {
      const response = await request(`${url}/_fake/simulate_workspace_outage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ workspace_id: seed.seed_workspace_1, routes }),
      })
      await response.body.dump()
      if (response.statusCode !== 200) throw new Error(`the fake refused the outage: ${response.statusCode}`)
    },
    async close() {
      started.server.closeAllConnections()
      started.server.close()
      await once(started.server, 'close')
    },
  }
}

async function freeLoopbackPort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  server.close()
  await once(server, 'close')
  if (address === null || typeof address === 'string') throw new Error('no loopback port')
  return address.port
}
