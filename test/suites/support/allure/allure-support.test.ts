import { describe, expect, it } from 'vitest'

import { redactForReport } from '../../../../suites/support/allure/redact.ts'
import { executorInfo } from '../../../../suites/support/allure/reporters.ts'
import { docsLink, resourceOf } from '../../../../suites/support/allure/labels.ts'
import { PASS_SAMPLE_RATE, samplesPass } from '../../../../suites/support/allure/attachments.ts'
import { ALL_CHECKS } from '../../../../suites/checks/index.ts'

describe('redactForReport', () => {
  it('removes the run’s secrets and anything shaped like a Seam credential', () => {
    const text = JSON.stringify({
      configured: 'my-own-secret-value',
      key: 'seam_live_ABCdef123456',
      token: 'seam_at1_abcdefgh',
      console: 'eyJhbGciOiJub25lIn0.eyJ4IjoxfQ.sig',
      id: '00000000-0000-1000-8000-000000000000',
      variable: '$SEAM_API_KEY',
    })
    const redacted = redactForReport(text, ['my-own-secret-value'])
    for (const secret of ['my-own-secret-value', 'seam_live_ABCdef123456', 'seam_at1_abcdefgh', 'eyJhbGci'])
      expect(redacted).not.toContain(secret)
    expect(redacted).toContain('00000000-0000-1000-8000-000000000000')
    expect(redacted).toContain('$SEAM_API_KEY')
  })

  it("keeps the auth suite's made-up tokens, public in its source: the failure names what got in", () => {
    const curl =
      "curl -H 'authorization: Bearer seam_cst_madeup_client_session_token' -H 'x: seam_cst_madeup_client_session_tokenX'"
    expect(redactForReport(curl, [])).toBe(
      "curl -H 'authorization: Bearer seam_cst_madeup_client_session_token' -H 'x: [REDACTED]'",
    )
  })
})

describe('labels', () => {
  it('name the resource an operation acts on, and its Seam docs page', () => {
    expect(resourceOf({ path: '/user_identities/grant_access_to_device' })).toBe('user_identities')
    expect(resourceOf({ path: '/acs/entrances/grant_access' })).toBe('acs/entrances')
    expect(docsLink({ path: '/access_grants/create' })).toBe(
      'https://docs.seam.co/latest/api/access_grants/create',
    )
  })

  it('give every check a severity', () => {
    for (const check of ALL_CHECKS)
      expect(['blocker', 'critical', 'normal', 'minor']).toContain(check.severity)
  })

  it('sample passes by name: the same tests every run, about one in PASS_SAMPLE_RATE', () => {
    const names = ALL_CHECKS.flatMap((check) =>
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((op) => [op, 's', check.name] as const),
    )
    const sampled = names.filter(([op, scenario, check]) => samplesPass(op, scenario, check))
    expect(sampled).toEqual(names.filter(([op, scenario, check]) => samplesPass(op, scenario, check)))
    expect(sampled.length).toBeGreaterThan(0)
    expect(sampled.length).toBeLessThan((3 * names.length) / PASS_SAMPLE_RATE)
  })
})

describe('executorInfo', () => {
  it('names the GitHub Actions run when there is one, else a local run', () => {
    expect(executorInfo({})).toMatchObject({ type: 'local' })
    expect(
      executorInfo({
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'seam/conformance',
        GITHUB_RUN_ID: '42',
        GITHUB_RUN_NUMBER: '7',
        GITHUB_WORKFLOW: 'nightly',
      }),
    ).toMatchObject({
      type: 'github',
      buildName: 'nightly #7',
      buildUrl: 'https://github.com/seam/conformance/actions/runs/42',
    })
  })
})
