// A large mock run checks its operations in parts: each part is a vitest project of its own that
// runs the three suite files over its share of the selected operations (split by measured cost,
// as shards are). Vitest hands a worker whole files, so with the three files alone two workers end
// as unevenly as the files are sized, and each worker holds every operation's validators; in parts
// a worker holds half of them, which is what leaves room for a larger young generation
// (scripts/conformance.ts).
import type { Shard } from './config.ts'

/** How many parts: one per worker on the 2-core machine the suite is measured on. */
export const PART_COUNT = 2

/**
 * Below this many operations a run stays in one part: each part starts its own workers, about a
 * second each, which a small run does not win back (seed endpoints, 8 operations: 4.4 → 5.4 s).
 */
export const MIN_OPERATIONS_FOR_PARTS = 40

/** Set by `npm run conformance` for vitest.config.ts, which then declares the part projects. */
export const PARTS_VARIABLE = 'CONFORMANCE_PARTS'

export const partName = ({ index, count }: Shard): string => `conformance ${index}/${count}`

export const parts = (count = PART_COUNT): Shard[] =>
  Array.from({ length: count }, (_, at) => ({ index: at + 1, count }))

/** The parts a mock run of this many operations on this many workers runs in; none: one project. */
export function partsFor(operations: number, workers: number): Shard[] {
  return workers >= 2 && operations >= MIN_OPERATIONS_FOR_PARTS ? parts() : []
}
