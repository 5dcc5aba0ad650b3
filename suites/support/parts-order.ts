// The order a run in parts queues its files in. Vitest gives a free worker the next file queued,
// and keeps the worker only when that file belongs to the worker's own project (part): otherwise a
// new worker starts. With the parts' files queued one part after the other, each longest first,
// one worker ran both auth files, the longest, and the other had nothing left to run for the last
// 15 to 25 s of the whole API. Queued as below, each worker runs one file of each suite, so both end at about
// one part's cost, with the same two worker starts per part.
import { basename } from 'node:path'

import type { TestSequencer, TestSpecification } from 'vitest/node'

/**
 * The suite files by measured cost in the whole API: auth > positive > negative, and auth below
 * positive and negative together. Worker 1 runs auth 1, worker 2 positive 1 and, before auth 1
 * ends, negative 1; worker 1 then starts part 2 with positive 2, worker 2 goes on with auth 2,
 * and whichever is free first (worker 1) ends with negative 2.
 */
const QUEUE: readonly (readonly [part: number, suite: string])[] = [
  [1, 'auth'],
  [1, 'positive'],
  [1, 'negative'],
  [2, 'positive'],
  [2, 'auth'],
  [2, 'negative'],
]

const suiteOf = (spec: TestSpecification) => basename(spec.moduleId).replace(/\.suite\.ts$/, '')

function queuePosition(spec: TestSpecification): number {
  const part = spec.project.getProvidedContext().part?.index
  const at = QUEUE.findIndex(([index, suite]) => index === part && suite === suiteOf(spec))
  return at === -1 ? QUEUE.length : at
}

export class PartsSequencer implements TestSequencer {
  shard(files: TestSpecification[]): TestSpecification[] {
    return files
  }

  sort(files: TestSpecification[]): TestSpecification[] {
    return files.toSorted((a, b) => queuePosition(a) - queuePosition(b))
  }
}
