// Child process of `npm run bench`: the contract mock with one fault a property must shrink to find
// (a 500 for any body holding a string longer than 10 characters), for the time to a verdict.
import { startMock } from '../../mock/server.ts'
import { MOCK_SECRETS } from '../../suites/support/mock-secrets.ts'

const longString = (value: unknown): boolean =>
  typeof value === 'string'
    ? value.length > 10
    : typeof value === 'object' && value !== null && Object.values(value).some(longString)

const mock = await startMock({
  accepted: MOCK_SECRETS,
  fault: ({ request, response }) =>
    response.status === 200 && longString(request.body) ? { ...response, status: 500 } : response,
})
process.send?.({ url: mock.url })
process.on('message', (message) => {
  if (message === 'close') void mock.close().then(() => process.exit(0))
})
