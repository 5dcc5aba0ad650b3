// A server that answers what the spec itself shows, where that breaks the spec's own schema, is
// not the one at fault: the violation's category is `spec`, and the same schema broken by any other
// value is still the server's `contract_violation`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Exchange } from '../../../contracts/exchange.ts'
import { buildOperations } from '../../../contracts/operations.ts'
import { buildSpec, pinnedDocument } from '../../../contracts/spec.ts'
import { createValidators } from '../../../contracts/validators.ts'
import { type Fault, type RunningMock, startMock } from '../../../mock/server.ts'
import { createEngine } from '../../../suites/engine/engine.ts'
import type { ViolationFound } from '../../../suites/engine/events.ts'
import { formatFailure } from '../../../suites/engine/failure-report.ts'
import { positivePlan } from '../../../suites/scenarios/positive.ts'
import { conformancePlan } from '../../../suites/support/conformance-plan.ts'
import { createClient } from '../../../suites/transport/client.ts'
import { MOCK_SECRETS } from '../../helpers/conformance.ts'

// The pinned spec, given an example for an access method's PIN that breaks the PIN's own pattern:
// what Prism's CLI would answer with, were the example there.
const document = structuredClone(pinnedDocument()) as unknown as {
  components: {
    schemas: Record<string, { properties: Record<string, { items: { properties: Record<string, object> } }> }>
  }
}
const methods = document.components.schemas.access_grant?.properties.requested_access_methods
if (methods === undefined) throw new Error('access_grant has no requested_access_methods')
methods.items.properties.code = { ...methods.items.properties.code, example: 'string' }
const spec = await buildSpec(document, 'pinned, with a broken example')
const validators = createValidators(spec)
const create = buildOperations(spec).find((operation) => operation.id === 'POST /access_grants/create')
if (create === undefined) throw new Error('no POST /access_grants/create')
const grantCreate = create

/** Answers every grant with one access method whose PIN is `code`. */
const pinIs =
  (code: string): Fault =>
  ({ operation, response }) => {
    if (operation.id !== grantCreate.id || response.status !== 200) return response
    const body = JSON.parse(response.body) as { access_grant: { requested_access_methods: object[] } }
    const [method] = body.access_grant.requested_access_methods
    const valid = {
      display_name: 'PIN',
      mode: 'code',
      created_at: '2030-01-01T00:00:00Z',
      created_access_method_ids: [],
    }
    const requested = [{ ...valid, ...method, code }]
    return {
      ...response,
      body: JSON.stringify({
        ...body,
        access_grant: { ...body.access_grant, requested_access_methods: requested },
      }),
    }
  }

async function violations(mock: RunningMock): Promise<ViolationFound<Exchange>[]> {
  const client = createClient({ endpoint: mock.url, auth: MOCK_SECRETS, timeoutMs: 5000 })
  const settings = { seed: 3, runs: 10, concurrency: 4, rules: 'seam' as const, auth: MOCK_SECRETS }
  const found: ViolationFound<Exchange>[] = []
  try {
    const plan = conformancePlan(positivePlan, [grantCreate], settings, validators, client.send)
    await createEngine(plan, (event) => {
      if (event.type === 'violation') found.push(event)
    }).run()
    return found
  } finally {
    await client.close()
  }
}

describe.each([
  ['the spec’s own example', 'string', 'spec'],
  ['another value', 'abcd', 'contract_violation'],
] as const)('a server answering a PIN of %s', (_name, code, category) => {
  let mock: RunningMock
  beforeAll(async () => {
    mock = await startMock({ spec, fault: pinIs(code), accepted: MOCK_SECRETS })
  })
  afterAll(() => mock.close())

  it(`breaks response_schema and object_shape, as a ${category} finding`, async () => {
    const found = await violations(mock)
    expect(found.map((v) => [v.check, v.category]).sort()).toEqual([
      ['object_shape', category],
      ['response_schema', category],
    ])
    const report = formatFailure(found[0] as ViolationFound<Exchange>, 'rule')
    if (category === 'spec') {
      expect(report.split('\n')[0]).toMatch(/\(spec finding: the spec's own fault, not the target's\)$/)
      expect(report).toContain("(the value is the spec's own example, which breaks its own schema (pattern))")
    } else expect(report).not.toContain('spec finding')
  })
})
