// The suite catches what it claims to: against each fault fixture it fails with the matching check;
// against the correct mock every check passes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startMock } from '../mock/server.ts'
import { FAULTS } from './fixtures/faults.ts'
import { conformanceFindings, failedChecks } from './helpers/conformance.ts'
import { operation, seedOperations } from './helpers/model.ts'

describe('the correct mock', () => {
  let url = ''
  let close = async () => {}
  beforeAll(async () => ({ url, close } = await startMock()))
  afterAll(() => close())

  it('passes every check on every seed operation', async () => {
    const findings = await conformanceFindings(url, seedOperations)
    expect(findings.length).toBeGreaterThanOrEqual(seedOperations.length * 6)
    expect(failedChecks(findings)).toEqual([])
  })
})

describe.each(FAULTS.map((fixture) => [fixture.name, fixture] as const))(
  'a server that %s',
  (_name, fixture) => {
    it(`fails ${fixture.caughtBy} on ${fixture.operation}`, async () => {
      const mock = await startMock({ fault: fixture.fault })
      try {
        const findings = await conformanceFindings(mock.url, [operation(fixture.operation)])
        expect(failedChecks(findings)).toContain(fixture.caughtBy)
      } finally {
        await mock.close()
      }
    })
  },
)
