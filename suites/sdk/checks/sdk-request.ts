import { isDeepStrictEqual } from 'node:util'

import { queryRecord as readQuery, queryString } from '../../../contracts/query.ts'
import type { Finding } from '../../checks/types.ts'
import type { Payload } from '../../../contracts/request.ts'
import { queryConventions } from '../conventions.ts'
import { DROPS_PROTOTYPE_NAMED_KEYS, withoutPrototypeNamedKeys } from '../known-findings.ts'
import type { SdkCheck } from './types.ts'

/** The SDK sends one request with the operation's method and path, carrying exactly the parameters given. */
export const sdkRequest = {
  name: 'sdk_request',
  severity: 'critical',
  area: 'sdk',
  answers: 'any',
  description: 'The request the server received has the documented method, path, and body or query.',
  appliesTo: () => true,
  run: ({ operation }, call) => {
    const violation = (message: string): Finding => ({ message })
    if (call.received.length !== 1) {
      const seen = call.received.map(({ request }) => `${request.method} ${request.path}`).join(', ')
      return [
        violation(
          `the mock received ${call.received.length} requests${seen === '' ? '' : ` (${seen})`}, expected 1`,
        ),
      ]
    }
    const { request } = call.received[0] as (typeof call.received)[number]
    const violations: Finding[] = []
    if (request.method !== operation.method.toUpperCase() || request.path !== operation.path) {
      violations.push(violation(`sent ${request.method} ${request.path}, expected ${operation.id}`))
    }
    const sentJson = JSON.parse(JSON.stringify(call.parameters)) as unknown
    // What an SDK convention adds is known, not a violation; the rest of the query is held to the rule.
    const sentQuery = queryConventions(request.query)
    for (const { id, summary } of sentQuery.conventions) violations.push({ ...violation(summary), known: id })
    if (operation.input.in === 'body' && Object.keys(sentQuery.query).length > 0) {
      violations.push(
        violation(`query ${JSON.stringify(sentQuery.query)}, expected none (parameters go in the body)`),
      )
    }
    const [where, received, expected, expectedWithoutPrototypeKeys] =
      operation.input.in === 'body'
        ? ['body', request.body ?? {}, sentJson, withoutPrototypeNamedKeys(sentJson)]
        : [
            'query',
            sentQuery.query,
            queryRecord(call.parameters),
            queryRecord(withoutPrototypeNamedKeys(call.parameters) as Payload),
          ]
    if (!isDeepStrictEqual(received, expected)) {
      const message = `${where} ${JSON.stringify(received) ?? 'empty'}, expected ${JSON.stringify(expected)}`
      const known = isDeepStrictEqual(received, expectedWithoutPrototypeKeys)
      violations.push(
        known ? { ...violation(message), known: DROPS_PROTOTYPE_NAMED_KEYS.id } : violation(message),
      )
    }
    return violations
  },
} satisfies SdkCheck

/** The parameters as the contract puts them in a query string, read back as the mock reads it. */
function queryRecord(parameters: Record<string, unknown>): Record<string, string | string[]> {
  return readQuery(new URLSearchParams(queryString(parameters)))
}
