// The one-screen summary: spec findings are listed apart from the target's failures, and the run
// line says which credentials a run held.
import { describe, expect, it } from 'vitest'

import {
  credentialsLine,
  renderSummary,
  type SummaryResult,
} from '../../../suites/support/summary-reporter.ts'
import { MOCK_SECRETS } from '../../helpers/conformance.ts'

const result = (check: string, state: SummaryResult['state'], detail = '', spec = false): SummaryResult => ({
  suite: 'positive',
  operation: 'POST /access_grants/create',
  check,
  state,
  detail,
  spec,
})

describe('renderSummary', () => {
  it("lists spec findings apart from the target's failures", () => {
    const text = renderSummary(
      [
        result('not_a_server_error', 'passed'),
        result(
          'response_schema',
          'failed',
          "code must match pattern (the value is the spec's own example)",
          true,
        ),
        result('valid_accepted', 'failed', 'answered 400, expected 2xx'),
      ],
      '',
      [],
    )
    expect(text).toContain('3 checks: 1 passed, 2 failed (1 of them spec findings), 0 skipped')
    const failures = text.split('Failures, worst first:')[1]?.split('\n\n')[0] ?? ''
    expect(failures).toContain('✗ valid_accepted')
    expect(failures).not.toContain('response_schema')
    const spec = text.split("Spec findings, the spec's own fault rather than the target's")[1] ?? ''
    expect(spec).toContain(
      "✗ response_schema  POST /access_grants/create  code must match pattern (the value is the spec's own example)",
    )
  })
})

describe('renderSummary failures', () => {
  it('lists the worst first: by severity, then in the columns’ order', () => {
    const text = renderSummary(
      [
        result('status_code_documented', 'failed', 'answered 418'),
        result('error_envelope', 'failed', 'no envelope'),
        result('auth_required', 'failed', 'answered 200, expected 401'),
        result('valid_accepted', 'failed', 'answered 400, expected 2xx'),
      ],
      '',
      [],
    )
    const failures = (text.split('Failures, worst first:')[1] ?? '').trim().split('\n')
    expect(failures.map((line) => line.trim().split(' ')[1])).toEqual([
      'auth_required',
      'valid_accepted',
      'error_envelope',
      'status_code_documented',
    ])
  })
})

describe('renderSummary, a target that gave nothing to judge', () => {
  it('marks the cell and the line with ! where no rule was seen broken, and counts them apart', () => {
    const nothingToJudge = {
      ...result('invalid_rejected', 'failed', 'timeout: no complete response'),
      nothingToJudge: true,
    }
    const text = renderSummary(
      [
        result('not_a_server_error', 'passed'),
        nothingToJudge,
        { ...nothingToJudge, check: 'error_envelope' },
      ],
      '',
      [],
    )
    expect(text).toContain('POST /access_grants/create  ✓ ! !')
    expect(text).toContain(
      '3 checks: 1 passed, 2 failed (2 of them with nothing to judge), 0 skipped (✓ passed, ✗ failed, ! the target gave nothing to judge, - skipped, · not applicable)',
    )
    expect(text).toContain('  ! invalid_rejected  POST /access_grants/create  timeout: no complete response')
    // A broken rule in the same cell outweighs a missing answer.
    const both = renderSummary([nothingToJudge, result('invalid_rejected', 'failed', 'answered 200')], '', [])
    expect(both).toContain('POST /access_grants/create  ✗')
    expect(both).toContain('  ✗ invalid_rejected  POST /access_grants/create  answered 200')
  })

  it('leaves the legend as it was when every failure is a broken rule', () => {
    const text = renderSummary([result('valid_accepted', 'failed', 'answered 400, expected 2xx')], '', [])
    expect(text).toContain('(✓ passed, ✗ failed, - skipped, · not applicable)')
  })
})

describe('credentialsLine', () => {
  it('names the kinds held, and for a server the suite did not start the variables not given', () => {
    expect(credentialsLine({ primary: 'api_key', apiKey: 'k' }, false)).toBe(
      'credentials held: API key · not held: personal access token + workspace (no SEAM_PERSONAL_ACCESS_TOKEN, SEAM_WORKSPACE_ID), client session (no SEAM_CLIENT_SESSION_TOKEN), console session + workspace (no SEAM_CONSOLE_SESSION_TOKEN, SEAM_WORKSPACE_ID)',
    )
    expect(credentialsLine(MOCK_SECRETS, true)).toBe(
      "credentials: API key, personal access token + workspace, client session, console session + workspace (the embedded mock's own where SEAM_* gives none)",
    )
  })
})
