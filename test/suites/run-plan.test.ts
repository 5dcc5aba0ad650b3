import { describe, expect, it } from 'vitest'

import { onlyChecks } from '../../suites/scenarios/only-checks.ts'
import { positivePlan } from '../../suites/scenarios/positive.ts'
import { applySkipList } from '../../suites/scenarios/skip-list.ts'
import { MOCK_SECRETS } from '../helpers/conformance.ts'
import { operation } from '../helpers/model.ts'

const grant = operation('POST /user_identities/grant_access_to_device')
const plan = positivePlan(grant, { rules: 'seam', auth: MOCK_SECRETS })
const checkNames = (p: typeof plan) => p.scenarios.flatMap((s) => s.checks.map((c) => c.name))

describe('applySkipList', () => {
  it('turns listed checks into skips that carry the reason, and leaves other operations alone', () => {
    const skips = [{ operation: grant.id, checks: ['void_shape'], reason: 'the mock cannot serve it' }]
    const listed = applySkipList(plan, grant, skips)
    expect(checkNames(listed)).not.toContain('void_shape')
    expect(listed.skips).toContainEqual({
      check: 'void_shape',
      scenario: 'valid requests',
      reason: 'skip list: the mock cannot serve it',
    })
    expect(applySkipList(plan, operation('POST /access_grants/create'), skips)).toBe(plan)
  })

  it('skips every check of an operation listed without checks', () => {
    const listed = applySkipList(plan, grant, [{ operation: grant.id, reason: 'why' }])
    expect(listed.scenarios).toEqual([])
    expect(listed.skips.map((s) => s.check)).toEqual(checkNames(plan))
  })
})

describe('onlyChecks', () => {
  it('keeps the named checks and drops scenarios left with none', () => {
    expect(checkNames(onlyChecks(plan, ['void_shape']))).toEqual(['void_shape'])
    expect(onlyChecks(plan, ['auth_required']).scenarios).toEqual([])
    expect(onlyChecks(plan, undefined)).toBe(plan)
  })
})
