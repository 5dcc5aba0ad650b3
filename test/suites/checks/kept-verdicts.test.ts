// A check keeps its verdict on a body text it met before, per validator, and forgets the oldest text.
import { describe, expect, it } from 'vitest'

import type { Validate } from '../../../contracts/validators.ts'
import { keptVerdicts } from '../../../suites/checks/kept-verdicts.ts'

/** A validator that counts its calls and refuses anything but 1. */
function counting(): Validate & { calls: number } {
  const validate = Object.assign(
    (value: unknown) => {
      validate.calls++
      return value === 1 ? [] : [{ path: '(root)', keyword: 'const', message: 'must be 1' }]
    },
    { calls: 0 },
  )
  return validate
}

describe('keptVerdicts', () => {
  it('validates a text once per validator, and forgets the text met longest ago', () => {
    const validated = keptVerdicts(2)
    const a = counting()
    const b = counting()
    expect(validated(a, '1', () => 1)).toEqual([])
    expect(validated(a, '1', () => 1)).toEqual([])
    expect(a.calls).toBe(1)
    expect(validated(b, '1', () => 2)).toHaveLength(1)
    expect(b.calls).toBe(1)
    expect(validated(a, '2', () => 2)).toHaveLength(1)
    expect(validated(a, '3', () => 1)).toEqual([])
    // '1' was the oldest of three texts, two kept: validated again.
    expect(validated(a, '1', () => 1)).toEqual([])
    expect(a.calls).toBe(4)
  })
})
