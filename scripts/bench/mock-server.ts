// Child process of `npm run bench`: the contract mock in its own process, a server of its own as
// `--endpoint` reaches one (a run's embedded mock answers inside its test workers). Talks over IPC.
import { startMock } from '../../mock/server.ts'
import { MOCK_SECRETS } from '../../suites/support/mock-secrets.ts'

const mock = await startMock({ accepted: MOCK_SECRETS })
process.send?.({ url: mock.url })
process.on('message', (message) => {
  if (message === 'stats') process.send?.({ stats: mock.stats })
  if (message === 'close') void mock.close().then(() => process.exit(0))
})
