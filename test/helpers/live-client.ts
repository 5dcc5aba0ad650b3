// The live client the live tests point at a local workspace: its API key, a 5 s request timeout and
// a deadline on the whole test.
import { createLiveClient, type LiveClient } from '../../suites/live/live-client.ts'

export function testLiveClient(
  endpoint: string,
  apiKey: string,
  { concurrency = 1, withinMs = 60_000 }: { concurrency?: number; withinMs?: number } = {},
): LiveClient {
  return createLiveClient({
    endpoint,
    auth: { primary: 'api_key', apiKey },
    timeoutMs: 5000,
    concurrency,
    deadline: Date.now() + withinMs,
  })
}
