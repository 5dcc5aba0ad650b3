// Which request each SDK method sends, found without reaching any target: the SDK's lazy request
// (`SeamHttpRequest`) says its method and path before it is sent; a method that sends at once is
// called once against a local server that only notes what arrives and answers `{"ok": true}`.
import { once } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { SdkMethodRoute } from './checks/sdk-coverage.ts'
import { pendingRequest, type PendingRequest, type Sdk } from './sdk.ts'

export async function discoverRoutes(sdk: Sdk): Promise<SdkMethodRoute[]> {
  const arrived: PendingRequest[] = []
  const server = createServer((request, response) => {
    arrived.push({
      method: request.method ?? 'GET',
      pathname: new URL(request.url ?? '/', 'http://discovery').pathname,
    })
    request.resume()
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  try {
    const methods = sdk.connect({
      endpoint: `http://127.0.0.1:${port}`,
      credential: { kind: 'api_key', apiKey: 'seam_sdk_gate_discovery' },
    })
    const routes: SdkMethodRoute[] = []
    // One method at a time: whatever arrives during a call is that method's.
    for (const [sdkPath, method] of methods) {
      arrived.length = 0
      let built: unknown
      try {
        built = method({})
      } catch {
        routes.push({ sdkPath })
        continue
      }
      const pending = pendingRequest(built)
      if (pending === undefined) await Promise.resolve(built).catch(() => undefined)
      const sends = pending ?? arrived[0]
      routes.push({ sdkPath, ...(sends === undefined ? {} : { sends }) })
    }
    return routes
  } finally {
    server.closeAllConnections()
    server.close()
  }
}
