// Choosing a mutation so that shrinking keeps it: the chosen item stays chosen while others go.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { stableChoice } from '../../contracts/arbitraries/stable-choice.ts'

const LABELS = Array.from({ length: 12 }, (_, i) => `label ${i}`)
const same = (label: string) => label

describe('stableChoice', () => {
  it('keeps its choice whatever other items are dropped', () => {
    fc.assert(
      fc.property(fc.integer(), fc.subarray(LABELS), (selector, kept) => {
        const chosen = stableChoice(LABELS, same, selector) as string
        expect(stableChoice([...kept, chosen], same, selector)).toBe(chosen)
      }),
    )
  })

  it('chooses every item about equally often', () => {
    const counts = new Map<string, number>()
    for (let selector = 0; selector < 12_000; selector++) {
      const chosen = stableChoice(LABELS, same, selector) as string
      counts.set(chosen, (counts.get(chosen) ?? 0) + 1)
    }
    expect(counts.size).toBe(LABELS.length)
    for (const count of counts.values()) expect(count).toBeGreaterThan(800)
  })

  it('chooses nothing from nothing', () => {
    expect(stableChoice([], same, 1)).toBeUndefined()
  })
})
