// Which requests each suite plans for an operation, and which credential they carry.
import { describe, expect, it } from 'vitest'

import { authPlan } from '../../suites/scenarios/auth.ts'
import { credentialFor } from '../../suites/scenarios/credentials.ts'
import { negativePlan } from '../../suites/scenarios/negative.ts'
import { MOCK_SECRETS } from '../helpers/conformance.ts'
import { operation, operations } from '../helpers/model.ts'

const byScheme = (scheme: string) => {
  const found = operations.find((op) => op.security.length === 1 && op.security[0]?.[0] === scheme)
  if (found === undefined) throw new Error(`no operation secured only by ${scheme}`)
  return found
}

describe('credentialFor', () => {
  it('uses the run’s primary credential where the operation takes it', () => {
    const grant = operation('POST /user_identities/grant_access_to_device')
    expect(credentialFor(grant, MOCK_SECRETS)).toEqual({ use: 'api_key' })
    expect(credentialFor(grant, { ...MOCK_SECRETS, primary: 'personal_access_token' })).toEqual({
      use: 'personal_access_token',
      workspace: true,
    })
  })

  it('takes the kind an operation asks for, not an API key', () => {
    expect(credentialFor(byScheme('client_session'), MOCK_SECRETS)).toEqual({ use: 'client_session_token' })
    expect(credentialFor(byScheme('console_session_without_workspace'), MOCK_SECRETS)).toEqual({
      use: 'console_session',
      workspace: true,
    })
  })

  it('has none when the run holds no credential of a kind the operation takes', () => {
    expect(credentialFor(byScheme('bridge_client_session'), MOCK_SECRETS)).toBeUndefined()
    expect(
      credentialFor(byScheme('client_session'), { primary: 'api_key', apiKey: 'seam_k' }),
    ).toBeUndefined()
  })
})

describe('the plans', () => {
  it('skip, with a reason, what an operation cannot be checked for', () => {
    const plan = negativePlan(byScheme('bridge_client_session'), { rules: 'seam', auth: MOCK_SECRETS })
    expect(plan.scenarios).toEqual([])
    expect(plan.skips.map((s) => s.reason)).toContain(
      'the run holds no credential this operation takes (security: bridge_client_session)',
    )
  })

  it('never expect an operation open to client sessions to refuse one', () => {
    const create = operation('POST /access_grants/create')
    const rejected = authPlan(create, { rules: 'seam', auth: MOCK_SECRETS }).scenarios.find(
      (s) => s.name === 'rejected credentials',
    )
    expect(rejected).toBeDefined()
    const grant = operation('POST /user_identities/grant_access_to_device')
    expect(authPlan(grant, { rules: 'seam', auth: MOCK_SECRETS }).skips).toEqual([])
  })
})
