// Child process of `npm run bench`: a cold start of the contract mock, to its first answer.
import { startMock } from '../../mock/server.ts'

const started = performance.now()
const mock = await startMock()
const response = await fetch(`${mock.url}/workspaces/get`, {
  headers: { authorization: 'Bearer seam_bench' },
})
await response.text()
process.stdout.write(`${JSON.stringify({ ms: performance.now() - started })}\n`)
await mock.close()
