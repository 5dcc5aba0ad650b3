import { describe, expect, it } from 'vitest'

import { MIN_OPERATIONS_FOR_PARTS, partName, partsFor } from '../../../suites/support/parts.ts'

describe('partsFor', () => {
  it('splits a large selection on two or more workers into two parts', () => {
    expect(partsFor(522, 2).map(partName)).toEqual(['conformance 1/2', 'conformance 2/2'])
    expect(partsFor(MIN_OPERATIONS_FOR_PARTS, 3)).toHaveLength(2)
  })

  it('keeps a small selection, or a run on one worker, in one part', () => {
    expect(partsFor(8, 2)).toEqual([])
    expect(partsFor(MIN_OPERATIONS_FOR_PARTS - 1, 2)).toEqual([])
    expect(partsFor(522, 1)).toEqual([])
  })
})
