// Child process of `npm run bench`: the contract mock in its own process, as in a real run (where
// it lives in vitest's main process, apart from the suite workers). Talks over the IPC channel.
import { startMock } from '../../mock/server.ts'
import { MOCK_SECRETS } from '../../suites/support/mock-secrets.ts'

const mock = await startMock({ accepted: MOCK_SECRETS })
process.send?.({ url: mock.url })
process.on('message', (message) => {
  if (message === 'stats') process.send?.({ stats: mock.stats })
  if (message === 'close') void mock.close().then(() => process.exit(0))
})
