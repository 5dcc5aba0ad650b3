// The report's categories sort failures by cause, first match wins, from the verdict's typed
// label (`_category`) and the status the listener gives from `_outcome`: never from the message.
import { matchCategory, normalizeCategoriesConfig } from '@allurereport/core-api'
import { describe, expect, it } from 'vitest'

import { CATEGORIES } from '../../../../suites/support/allure/categories.ts'
import { statusByCause } from '../../../../suites/support/allure/reporters.ts'

type Labels = { name: string; value: string }[]
const verdict = (outcome: string, category?: string): Labels => [
  { name: '_outcome', value: outcome },
  ...(category === undefined ? [] : [{ name: '_category', value: category }]),
]

const CASES: Array<[string, 'failed' | 'broken' | 'skipped', Labels, string]> = [
  ['a wrong shape', 'failed', verdict('violation', 'contract_violation'), 'Contract violation'],
  ['a 500', 'failed', verdict('violation', 'server_error'), 'Server error (5xx)'],
  ['a 404', 'failed', verdict('violation', 'operation_missing'), 'Operation missing'],
  ["the spec's own example", 'failed', verdict('violation', 'spec'), 'Spec finding'],
  ['a timeout', 'broken', verdict('target_failure', 'transport'), 'Transport or timeout'],
  ['a skip', 'skipped', verdict('skipped'), 'Skipped with reason'],
  ['a crash', 'broken', [], 'Suite error'],
]

describe('categories', () => {
  const config = normalizeCategoriesConfig(CATEGORIES.map(({ name, matchers }) => ({ name, matchers })))

  it.each(CASES)('put %s (%s) under its category in Allure 3', (_kind, status, labels, category) => {
    // A message that looks like another cause changes nothing: only the labels count.
    const message = 'Response: 500 application/json\ntarget_error: looks like one'
    expect(matchCategory(config, { status, labels, flaky: false, message })?.name).toBe(category)
  })
})

describe('statusByCause', () => {
  const written = (labels: Labels, message = 'void_shape: POST /a') => {
    const result = { status: 'broken', labels, statusDetails: { message } } as unknown as Parameters<
      NonNullable<typeof statusByCause.beforeTestResultWrite>
    >[0]
    statusByCause.beforeTestResultWrite?.(result)
    return result.status
  }

  it('marks a violated check failed, and leaves a target error or a crash broken', () => {
    expect(written(verdict('violation', 'contract_violation'))).toBe('failed')
    expect(written(verdict('target_failure', 'transport'))).toBe('broken')
    expect(written([], 'TypeError: x is undefined')).toBe('broken')
  })
})
