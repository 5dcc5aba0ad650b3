// Which requests each suite plans for an operation, and which credential they carry.
import { describe, expect, it } from 'vitest'

import { authPlan } from '../../suites/scenarios/auth.ts'
import { credentialFor } from '../../suites/scenarios/credentials.ts'
import { negativePlan } from '../../suites/scenarios/negative.ts'
import { positivePlan } from '../../suites/scenarios/positive.ts'
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

describe('the plans, for a server the suite did not start', () => {
  const keyOnly = { primary: 'api_key', apiKey: 'seam_k' } as const
  const keyAndToken = { ...keyOnly, personalAccessToken: 'seam_at_1', workspaceId: 'ws_1' }

  it('skip an operation that takes only a kind not given, naming the variable', () => {
    const plan = positivePlan(byScheme('client_session'), { rules: 'seam', auth: keyOnly })
    expect(plan.scenarios).toEqual([])
    expect(new Set(plan.skips.map((s) => s.reason))).toEqual(
      new Set(['no SEAM_CLIENT_SESSION_TOKEN given (security: client_session)']),
    )
  })

  it('accept the kinds given, and skip auth_accepted for each kind not given, naming its variable', () => {
    const plan = authPlan(operation('POST /access_grants/create'), { rules: 'seam', auth: keyAndToken })
    expect(plan.scenarios.find((s) => s.name === 'accepted credentials')).toBeDefined()
    expect(plan.skips).toEqual(
      expect.arrayContaining([
        {
          check: 'auth_accepted',
          scenario: 'accepted credentials: client session',
          reason: 'no SEAM_CLIENT_SESSION_TOKEN given',
        },
        {
          check: 'auth_accepted',
          scenario: 'accepted credentials: console session + workspace',
          reason: 'no SEAM_CONSOLE_SESSION_TOKEN given',
        },
      ]),
    )
  })

  it('skip the missing-workspace rule without a personal access token, naming it', () => {
    const plan = authPlan(operation('POST /user_identities/grant_access_to_device'), {
      rules: 'seam',
      auth: keyOnly,
    })
    const skipped = plan.skips.find((s) => s.check === 'workspace_header_required')
    expect(skipped?.reason).toMatch(/^no SEAM_PERSONAL_ACCESS_TOKEN given \(security: /)
  })
})
