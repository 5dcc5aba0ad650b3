import { describe, expect, it } from 'vitest'

import { costPerCheck, type VerdictRecord } from '../../suites/live/verdicts.ts'

const record = (check: string, operation: string, outcome: VerdictRecord['outcome'], cases: number) =>
  ({ operation, scenario: 'valid', check, outcome, cases }) satisfies VerdictRecord

describe('the cost per check of a live run', () => {
  it('adds the cases each check judged, counts each operation it judged once and its verdicts by kind', () => {
    expect(
      costPerCheck([
        record('response_schema', 'POST /a', 'check_passed', 5),
        record('response_schema', 'POST /a', 'violation', 2),
        record('response_schema', 'POST /b', 'skipped', 0),
        record('void_shape', 'POST /b', 'target_failure', 1),
      ]),
    ).toEqual({
      response_schema: { cases: 7, operations: 1, passed: 1, failed: 1, skipped: 1 },
      void_shape: { cases: 1, operations: 1, passed: 0, failed: 1, skipped: 0 },
    })
  })
})
