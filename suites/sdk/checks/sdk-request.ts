import { isDeepStrictEqual } from 'node:util'

import { queryString } from '../../support/client.ts'
import type { Violation } from '../../checks/types.ts'
import type { SdkCheck } from './types.ts'

/** The SDK sends one request with the operation's method and path, carrying exactly the parameters given. */
export const sdkRequest = {
  name: 'sdk_request',
  description: 'The request the mock received has the documented method, path, and body or query.',
  appliesTo: () => true,
  run: ({ operation }, call) => {
    const violation = (message: string): Violation => ({ check: 'sdk_request', message })
    if (call.received.length !== 1) {
      const seen = call.received.map(({ request }) => `${request.method} ${request.path}`).join(', ')
      return [
        violation(
          `the mock received ${call.received.length} requests${seen === '' ? '' : ` (${seen})`}, expected 1`,
        ),
      ]
    }
    const { request } = call.received[0] as (typeof call.received)[number]
    const violations: Violation[] = []
    if (request.method !== operation.method.toUpperCase() || request.path !== operation.path) {
      violations.push(violation(`sent ${request.method} ${request.path}, expected ${operation.id}`))
    }
    const sentJson = JSON.parse(JSON.stringify(call.parameters)) as unknown
    if (operation.input.in === 'body') {
      if (!isDeepStrictEqual(request.body ?? {}, sentJson)) {
        violations.push(
          violation(`body ${JSON.stringify(request.body) ?? 'empty'}, expected ${JSON.stringify(sentJson)}`),
        )
      }
    } else if (!isDeepStrictEqual(request.query, queryRecord(call.parameters))) {
      violations.push(
        violation(
          `query ${JSON.stringify(request.query)}, expected ${JSON.stringify(queryRecord(call.parameters))}`,
        ),
      )
    }
    return violations
  },
} satisfies SdkCheck

/** The parameters as the contract puts them in a query string, read back as the mock reads it. */
function queryRecord(parameters: Record<string, unknown>): Record<string, string | string[]> {
  const params = new URLSearchParams(queryString(parameters))
  const record: Record<string, string | string[]> = {}
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name)
    record[name] = values.length === 1 ? (values[0] as string) : values
  }
  return record
}
