// Choosing one of a value's variants (one of its mutations) so that shrinking the value keeps the
// choice. `fc.constantFrom(...variants)` picks by position: once the value shrinks and a variant
// before the chosen one disappears, the same draw names another variant, the shrunk case no longer
// breaks what failed, and every shrink step is wasted on a request that passes.
import fc from 'fast-check'

import { fnv1a } from '../hash.ts'

/** A draw for `stableChoice`: never shrinks, so the choice stays while the value shrinks. */
export const choiceSelector: fc.Arbitrary<number> = fc.noShrink(fc.integer())

/**
 * The item whose key ranks first under `selector` (rendezvous hashing): each item is as likely as
 * any other, and the chosen one stays chosen whatever other items come or go, as long as it is
 * still there.
 */
export function stableChoice<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  selector: number,
): T | undefined {
  let best: T | undefined
  let bestRank = -1
  for (const item of items) {
    const rank = mix(fnv1a(keyOf(item), selector)) >>> 0
    if (rank > bestRank) {
      best = item
      bestRank = rank
    }
  }
  return best
}

// MurmurHash3's finaliser: FNV-1a alone leaves keys that differ only in their last characters
// close together.
function mix(hash: number): number {
  let h = hash
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return h ^ (h >>> 16)
}
