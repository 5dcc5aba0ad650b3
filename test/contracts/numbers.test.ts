import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { integerSetting, parseInteger } from '../../contracts/numbers.ts'

class UsageError extends Error {}

describe('parseInteger', () => {
  it('reads back any safe integer written in decimal', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(parseInteger('--seed', String(n))).toBe(n)
      }),
    )
    expect(parseInteger('--runs', ' +7 ', { kind: 'positive' })).toBe(7)
  })

  it('refuses anything but decimal digits, in one line naming the setting', () => {
    for (const value of ['', ' ', 'abc', '1.5', '1e3', '0x10', '5.0', '1_000', '9007199254740993'])
      expect(() => parseInteger('--seed', value)).toThrow(`--seed must be an integer, not "${value}"`)
  })

  it('holds each kind to its range', () => {
    expect(() => parseInteger('SEAM_RUNS', '0', { kind: 'positive' })).toThrow(
      'SEAM_RUNS must be a positive integer, not "0"',
    )
    expect(parseInteger('SEAM_SEED', String(-(2 ** 31)), { kind: 'int32' })).toBe(-(2 ** 31))
    expect(() => parseInteger('SEAM_SEED', String(2 ** 31), { kind: 'int32' })).toThrow(
      `SEAM_SEED must be a 32-bit integer, not "${2 ** 31}"`,
    )
  })

  it("throws the caller's own error", () => {
    expect(() => parseInteger('--runs', 'x', { error: UsageError })).toThrow(UsageError)
    expect(() => parseInteger('--runs', 'x')).toThrow(RangeError)
  })
})

describe('integerSetting', () => {
  it('is the fallback when unset or empty, else the value parsed', () => {
    expect(integerSetting('SEAM_RUNS', undefined, 100, { kind: 'positive' })).toBe(100)
    expect(integerSetting('SEAM_RUNS', '', 100, { kind: 'positive' })).toBe(100)
    expect(integerSetting('SEAM_RUNS', '3', 100, { kind: 'positive' })).toBe(3)
    expect(() => integerSetting('SEAM_RUNS', '-3', 100, { kind: 'positive' })).toThrow(
      'SEAM_RUNS must be a positive integer, not "-3"',
    )
  })
})
