// Every check of a scenario replays the same seeded cases, so each case is sent once and its
// exchange shared. Prefetching sends a scenario's cases concurrently before the checks run: the
// one-pass fast path reads them in order, and a check that then runs as its own property reads the
// same exchanges in the same order before it shrinks. A run is as deterministic as a sequential one.
import type { GeneratedRequest } from '../../contracts/request.ts'

/** Sends one request and answers with whatever the target answers. */
export type SendFor<Answer> = (request: GeneratedRequest) => Promise<Answer>

/** Sends one request of a group (a scenario's requests): the target learns which scenario sent it. */
export type SendInGroup<Answer> = (request: GeneratedRequest, group: number) => Promise<Answer>

export type ExchangeCache<Answer> = {
  /**
   * What a check's own property sends: its first cases are the group's, in order, so the i-th call
   * gets the group's i-th exchange, exactly what the fast path judged, even where the group holds
   * equal requests answered differently. Once the property departs from the group (it shrinks), `send`.
   */
  replay(index: number): SendFor<Answer>
  /** Sends every group's requests, in order, at most `concurrency` at a time. */
  prefetch(groups: GeneratedRequest[][], concurrency: number): Promise<void>
  /** The exchanges of one prefetched group (a scenario's requests), in the order they were generated. */
  group(index: number): Promise<Answer[]>
  /** Every exchange so far: what the coverage report learns an operation's requests from. */
  exchanges(): Promise<Answer[]>
  /** Drops every exchange: an operation's exchanges are not needed once its checks have run. */
  clear(): void
}

type Prefetched<Answer> = { request: GeneratedRequest; exchange: Promise<Answer> }

export function createExchangeCache<Answer>(send: SendInGroup<Answer>): ExchangeCache<Answer> {
  let groups: Prefetched<Answer>[][] = []
  // Keyed by content, built on the first `send`: the fast path never pays for the keys.
  let byContent: Map<string, Promise<Answer>> | undefined
  const keyed = () => {
    if (byContent === undefined) {
      byContent = new Map()
      // The first of equal requests stands for them all, as when each was sent once.
      for (const { request, exchange } of groups.flat()) {
        const key = JSON.stringify(request)
        if (!byContent.has(key)) byContent.set(key, exchange)
      }
    }
    return byContent
  }
  // Sends a request unless an equal one was prefetched or sent before.
  const cachedSend = (request: GeneratedRequest, group: number): Promise<Answer> => {
    const cache = keyed()
    const key = JSON.stringify(request)
    let exchange = cache.get(key)
    if (exchange === undefined) {
      exchange = send(request, group)
      cache.set(key, exchange)
    }
    return exchange
  }
  return {
    replay(index) {
      const group = groups[index] ?? []
      let position = 0
      return (request) => {
        const next = group[position]
        if (next !== undefined && JSON.stringify(next.request) === JSON.stringify(request)) {
          position++
          return next.exchange
        }
        position = group.length
        return cachedSend(request, index)
      }
    },
    async prefetch(requestGroups, concurrency) {
      const queue = requestGroups.map((requests, index) =>
        requests.map((request) => {
          const answer = Promise.withResolvers<Answer>()
          answer.promise.catch(() => {}) // a failed send fails the prefetch itself, which `enter` surfaces
          return { request, index, answer }
        }),
      )
      groups = queue.map((group) =>
        group.map(({ request, answer }) => ({ request, exchange: answer.promise })),
      )
      byContent = undefined
      const pending = queue.flat()
      let next = 0
      const worker = async () => {
        while (next < pending.length) {
          const { request, index, answer } = pending[next++] as (typeof pending)[number]
          await send(request, index).then(answer.resolve, (error: unknown) => {
            answer.reject(error)
            throw error
          })
        }
      }
      await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker))
    },
    group: (index) => Promise.all((groups[index] ?? []).map(({ exchange }) => exchange)),
    exchanges: () =>
      Promise.all(
        new Set([...groups.flat().map(({ exchange }) => exchange), ...(byContent?.values() ?? [])]),
      ),
    clear() {
      groups = []
      byContent = undefined
    },
  }
}

export type PipelineStage = { requests: () => GeneratedRequest[][] }

/** Operations whose requests are in flight beyond the one being checked. */
const LOOKAHEAD = 2

/**
 * Operation by operation, each with its own cache: while one operation's checks run, the next
 * operations' requests are already in flight, so the target never waits for the checks.
 */
export function createPipeline<Answer>(
  stages: PipelineStage[],
  send: (request: GeneratedRequest, stage: number, group: number) => Promise<Answer>,
  concurrency: number,
) {
  const caches = new Map<number, { cache: ExchangeCache<Answer>; ready: Promise<void> }>()
  const start = (index: number) => {
    const stage = stages[index]
    if (stage === undefined || caches.has(index)) return
    const cache = createExchangeCache<Answer>((request, group) => send(request, index, group))
    // Deferred, so a stage that fails to generate fails when it is entered, not a stage before it.
    const ready = Promise.resolve().then(() => cache.prefetch(stage.requests(), concurrency))
    ready.catch(() => {}) // surfaced by `enter`; a stage never entered must not leave it unhandled
    caches.set(index, { cache, ready })
  }
  return {
    /** The cache of stage `index`, once its requests are answered; the next stages start now. */
    async enter(index: number): Promise<ExchangeCache<Answer>> {
      for (let ahead = 0; ahead <= LOOKAHEAD; ahead++) start(index + ahead)
      const entry = caches.get(index) as { cache: ExchangeCache<Answer>; ready: Promise<void> }
      await entry.ready
      return entry.cache
    },
    leave(index: number): void {
      caches.get(index)?.cache.clear()
      caches.delete(index)
    },
  }
}
