// Which operations a shard runs: the selected operations spread over n shards by their measured
// cost (longest first, each to the least loaded shard), so shards take about as long as each other.
// Pure and deterministic: every shard computes the same split, and since each operation's cases come
// from the run seed and its own id, the same seed sends the same cases whichever shard runs them.
import type { Operation } from '../../../contracts/operations.ts'
import type { Shard } from '../config.ts'
import measured from './operation-costs.json' with { type: 'json' }

/** Milliseconds per operation, as `reports/operation-costs.json` of a whole-API run records them. */
export type Costs = Readonly<Record<string, number>>

export const OPERATION_COSTS: Costs = measured.ms

/** The operations of `shard`; without one (an unsharded run, a run in one part), all of them. */
export function shardOperations(
  operations: Operation[],
  shard: Shard | undefined,
  costs: Costs = OPERATION_COSTS,
): Operation[] {
  if (shard === undefined) return operations
  const assigned = assignShards(
    operations.map((operation) => operation.id),
    shard.count,
    costs,
  )
  return operations.filter((operation) => assigned.get(operation.id) === shard.index)
}

/** Each id's shard (1 to `count`). */
export function assignShards(ids: string[], count: number, costs: Costs): Map<string, number> {
  // An operation the table does not know (a newer spec) costs what a typical one does.
  const fallback = median(Object.values(costs)) ?? 1
  const cost = (id: string) => costs[id] ?? fallback
  const loads = Array.from({ length: count }, () => 0)
  const assigned = new Map<string, number>()
  const order = [...new Set(ids)].sort((a, b) => cost(b) - cost(a) || (a < b ? -1 : a > b ? 1 : 0))
  for (const id of order) {
    const lightest = loads.indexOf(Math.min(...loads))
    loads[lightest] = (loads[lightest] as number) + cost(id)
    assigned.set(id, lightest + 1)
  }
  return assigned
}

function median(values: number[]): number | undefined {
  const sorted = values.toSorted((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}
