// The shards' split: every selected operation in exactly one shard, the same split on every call,
// and balanced by cost, not by count.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  assignShards,
  OPERATION_COSTS,
  shardOperations,
} from '../../../../suites/support/shards/partition.ts'
import { operations } from '../../../helpers/model.ts'

describe('assignShards', () => {
  it('puts every id in exactly one of the n shards, the same way each time', () => {
    const ids = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 40 })
    const costs = fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 1000 }))
    fc.assert(
      fc.property(ids, costs, fc.integer({ min: 1, max: 6 }), (list, table, count) => {
        const assigned = assignShards(list, count, table)
        expect([...assigned.keys()].sort()).toEqual([...list].sort())
        for (const shard of assigned.values()) expect(shard >= 1 && shard <= count).toBe(true)
        expect(assignShards([...list].reverse(), count, table)).toEqual(assigned)
      }),
    )
  })

  it('balances by cost: one costly operation has a shard to itself', () => {
    const costs = { heavy: 100, a: 10, b: 10, c: 10, d: 10, e: 10 }
    const assigned = assignShards(Object.keys(costs), 2, costs)
    const alone = [...assigned].filter(([, shard]) => shard === assigned.get('heavy'))
    expect(alone).toEqual([['heavy', 1]])
  })

  it('gives an operation the table does not know the typical cost', () => {
    const costs = { a: 30, b: 10, c: 20 }
    // "new" costs 20, the median: with a (30) on one shard, b and new (10 + 20) share the other.
    const assigned = assignShards(['a', 'b', 'new'], 2, costs)
    expect(assigned.get('b')).toBe(assigned.get('new'))
    expect(assigned.get('a')).not.toBe(assigned.get('new'))
  })
})

describe('shardOperations', () => {
  it.each([1, 2, 3, 4, 7])('splits the whole API into %i shards that together hold it once', (count) => {
    const shards = Array.from({ length: count }, (_, i) =>
      shardOperations(operations, { index: i + 1, count }),
    )
    const ids = shards.flat().map((operation) => operation.id)
    expect(ids.toSorted()).toEqual(operations.map((operation) => operation.id).toSorted())
    // Balanced by the committed table's costs, not by count: within 5 % of each other.
    const load = (shard: typeof operations) =>
      shard.reduce((total, operation) => total + (OPERATION_COSTS[operation.id] ?? 0), 0)
    const loads = shards.map(load)
    expect(Math.max(...loads) / Math.min(...loads)).toBeLessThan(1.05)
  })

  it('keeps the order of the selection within a shard', () => {
    const shard = shardOperations(operations, { index: 2, count: 3 })
    const order = operations.filter((operation) => shard.includes(operation))
    expect(shard).toEqual(order)
  })
})
