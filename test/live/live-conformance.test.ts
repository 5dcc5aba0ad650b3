// Live mode's conformance suites, through the same plans and engine as the live suite file, against
// a live-like target: the contract mock, whose IDs are any the run names. The correct mock passes;
// a server that breaks one rule fails the check for it; what a target wrongly creates is recorded.
import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import type { Exchange } from '../../contracts/exchange.ts'
import { type Fault, startMock } from '../../mock/server.ts'
import { createEngine } from '../../suites/engine/engine.ts'
import type { Verdict } from '../../suites/engine/events.ts'
import { type Fixtures, idBindings } from '../../suites/live/fixtures.ts'
import { readLedger } from '../../suites/live/ledger.ts'
import { recordingSend } from '../../suites/live/live-context.ts'
import { LIVE_SUITES, livePlan } from '../../suites/live/live-plan.ts'
import { conformancePlan } from '../../suites/support/conformance-plan.ts'
import { MOCK_SECRETS } from '../../suites/support/mock-secrets.ts'
import { createClient } from '../../suites/transport/client.ts'
import { FAULTS } from '../fixtures/faults.ts'
import { seedOperations, validators } from '../helpers/model.ts'

const FIXTURES: Fixtures = {
  userIdentityId: randomUUID(),
  userIdentityKey: 'seam-conformance-test-identity',
  deviceIds: [randomUUID(), randomUUID()],
  acsSystemId: randomUUID(),
  acsEntranceIds: [randomUUID()],
  acsUserIds: [randomUUID()],
}

async function liveVerdicts(fault?: Fault): Promise<{ failed: string[]; ledger: string }> {
  const mock = await startMock({ accepted: MOCK_SECRETS, ...(fault === undefined ? {} : { fault }) })
  const client = createClient({ endpoint: mock.url, auth: MOCK_SECRETS, timeoutMs: 15_000, concurrency: 2 })
  const ledger = join(mkdtempSync(join(tmpdir(), 'live-conformance-')), 'ledger.jsonl')
  const send = recordingSend(client.send, seedOperations, FIXTURES, {
    runTag: 'seam-conformance-test',
    ledgerPath: ledger,
    recorded: new Set(),
  })
  const settings = {
    seed: 3,
    runs: 10,
    concurrency: 2,
    rules: 'seam' as const,
    auth: MOCK_SECRETS,
    ids: idBindings(FIXTURES),
  }
  const verdicts: Verdict<Exchange>[] = []
  try {
    for (const [suite, planFor] of LIVE_SUITES) {
      const plan = conformancePlan(livePlan(suite, planFor), seedOperations, settings, validators, send)
      await createEngine(plan, (event) => {
        if (event.type === 'violation' || event.type === 'target_failure') verdicts.push(event)
      }).run()
    }
  } finally {
    await client.close()
    await mock.close()
  }
  return { failed: verdicts.map((v) => `${v.check} ${v.operation.id}`), ledger }
}

const fixture = (name: string) => FAULTS.find((f) => f.name === name) as (typeof FAULTS)[number]

describe('live conformance', () => {
  it('passes a target that keeps the contract, sending only the run’s IDs', async () => {
    const { failed, ledger } = await liveVerdicts()
    expect(failed).toEqual([])
    // Grants, memberships, access grants and the identities made for them are all in the ledger.
    const kinds = new Set(readLedger(ledger).map((entry) => entry.kind))
    expect([...kinds].sort()).toEqual([
      'access_grant',
      'acs_user_membership',
      'device_access',
      'user_identity',
    ])
  })

  it.each([
    ['answers {} for a void operation', 'void_shape'],
    ['ignores auth on one operation', 'auth_required'],
    ['shows a stack trace in its 400 answers', 'no_internal_details'],
  ])('fails a server that %s with %s', async (name, check) => {
    const { failed } = await liveVerdicts(fixture(name).fault)
    expect(failed).toContain(`${check} ${fixture(name).operation}`)
  })

  it('fails an invalid payload the target accepts, and records what it created for the clean-up', async () => {
    // access_grants/create answers 200 with a grant to a request it should refuse.
    const accepting: Fault = ({ operation, response }) =>
      operation.id === 'POST /access_grants/create' && response.status === 400
        ? {
            ...response,
            status: 200,
            body: JSON.stringify({ ok: true, access_grant: { access_grant_id: 'wrongly-made' } }),
          }
        : response
    const { failed, ledger } = await liveVerdicts(accepting)
    expect(failed).toContain('invalid_rejected POST /access_grants/create')
    expect(readLedger(ledger).map((entry) => entry.id)).toContain('wrongly-made')
  })
})
