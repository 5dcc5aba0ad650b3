// The suite catches what it claims to: against each fault fixture it fails with the matching check;
// against the correct mock — Seam's rules or plain Prism — every check passes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type RunningMock, startMock } from '../mock/server.ts'
import { FAULTS, SLOW_FAULTS } from './fixtures/faults.ts'
import { conformanceFindings, failedChecks, MOCK_SECRETS } from './helpers/conformance.ts'
import { operation, seedOperations } from './helpers/model.ts'

describe.each(['seam', 'prism'] as const)('the correct mock with %s rules', (rules) => {
  let mock: RunningMock
  beforeAll(async () => {
    mock = await startMock({ rules, accepted: MOCK_SECRETS })
  })
  afterAll(() => mock.close())

  it('passes every check of every suite on every seed operation', async () => {
    const findings = await conformanceFindings(mock.url, seedOperations, { rules })
    expect(new Set(findings.map((f) => f.check)).size).toBe(rules === 'seam' ? 13 : 11)
    expect(failedChecks(findings)).toEqual([])
  })
})

describe.each([...FAULTS, ...SLOW_FAULTS].map((fixture) => [fixture.name, fixture] as const))(
  'a server that %s',
  (_name, fixture) => {
    it(`fails ${fixture.caughtBy} on ${fixture.operation}`, async () => {
      const mock = await startMock({ fault: fixture.fault, accepted: MOCK_SECRETS })
      try {
        const findings = await conformanceFindings(mock.url, [operation(fixture.operation)])
        expect(failedChecks(findings)).toContain(fixture.caughtBy)
        if (fixture.shrunkWithin === undefined) return
        const caught = findings.find((f) => f.type === 'violation' && f.check === fixture.caughtBy)
        const request = caught?.type === 'violation' ? caught.exchange.request : undefined
        const shown = JSON.stringify(request?.body ?? request?.query, null, 2)
        expect(shown.split('\n').length, shown).toBeLessThanOrEqual(fixture.shrunkWithin)
      } finally {
        await mock.close()
      }
    })
  },
)
