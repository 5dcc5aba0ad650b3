// The report's categories sort failures by cause, first match wins, read alike by Allure 3
// (JavaScript search) and Allure 2 (Java whole-string match, imitated with ^(?:…)$).
import { matchCategory, normalizeCategoriesConfig } from '@allurereport/core-api'
import { describe, expect, it } from 'vitest'

import { CATEGORIES } from '../../../../suites/support/allure/categories.ts'
import { statusByCause } from '../../../../suites/support/allure/reporters.ts'

const violation = (check: string, status: number) =>
  `${check}: POST /access_grants/create\n  - something\n\nRule: …\n\nShrunk request:\n  {}\n\nResponse: ${status} application/json\n  {}\n\ncurl:\n  curl …`

const CASES: Array<[string, 'failed' | 'broken' | 'skipped', string]> = [
  ['a wrong shape', 'failed', 'Contract violation'],
  ['a 500', 'failed', 'Server error (5xx)'],
  ['a 404', 'failed', 'Operation missing'],
  ['a timeout', 'broken', 'Transport or timeout'],
  ['a skip', 'skipped', 'Skipped with reason'],
  ['a crash', 'broken', 'Suite error'],
]
const MESSAGES: Record<string, string> = {
  'a wrong shape': violation('void_shape', 200),
  'a 500': violation('not_a_server_error', 500),
  'a 404': violation('valid_accepted', 404),
  'a timeout':
    'target_error: POST /access_grants/create (while checking void_shape)\n  - timeout: no complete response within 10000 ms\n\nResponse: none',
  'a skip': 'Prism cannot tell token kinds apart',
  'a crash': 'TypeError: x is undefined',
}

describe('categories', () => {
  const allure3 = normalizeCategoriesConfig(CATEGORIES)

  it.each(CASES)('put %s (%s) under %s in Allure 3', (kind, status, category) => {
    const found = matchCategory(allure3, { status, labels: [], flaky: false, message: MESSAGES[kind] ?? '' })
    expect(found?.name).toBe(category)
  })

  it.each(CASES)(
    'put %s (%s) under %s with whole-string matching, as Allure 2 does',
    (kind, status, category) => {
      const found = CATEGORIES.find(
        (c) =>
          c.matchedStatuses.includes(status) &&
          (c.messageRegex === undefined || new RegExp(`^(?:${c.messageRegex})$`).test(MESSAGES[kind] ?? '')),
      )
      expect(found?.name).toBe(category)
    },
  )
})

describe('statusByCause', () => {
  const written = (message: string) => {
    const result = { status: 'broken', statusDetails: { message } } as Parameters<
      NonNullable<typeof statusByCause.beforeTestResultWrite>
    >[0]
    statusByCause.beforeTestResultWrite?.(result)
    return result.status
  }

  it('marks a violated check failed, and leaves a target error or a crash broken', () => {
    expect(written(violation('void_shape', 200))).toBe('failed')
    expect(written(MESSAGES['a timeout'] ?? '')).toBe('broken')
    expect(written('TypeError: x is undefined')).toBe('broken')
  })
})
