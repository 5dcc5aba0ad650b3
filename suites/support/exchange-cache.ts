// Every check of a scenario replays the same seeded requests, so each request is sent once and its
// exchange shared. Prefetching sends a scenario's requests concurrently before the checks run:
// the checks then read from the cache, and a run is as deterministic as a sequential one.
import type { GeneratedRequest } from '../../contracts/request.ts'
import type { Exchange } from './exchange.ts'
import type { Send } from './property.ts'

export type ExchangeCache = {
  send: Send
  /** Sends the requests not yet sent, at most `concurrency` at a time. */
  prefetch(requests: GeneratedRequest[], concurrency: number): Promise<void>
  /** Every exchange so far: what the coverage report learns an operation's requests from. */
  exchanges(): Promise<Exchange[]>
  /** Drops every exchange: an operation's exchanges are not needed once its checks have run. */
  clear(): void
}

export function createExchangeCache(send: Send): ExchangeCache {
  const seen = new Map<string, Promise<Exchange>>()
  const cached: Send = (request) => {
    const key = JSON.stringify(request)
    let exchange = seen.get(key)
    if (exchange === undefined) {
      exchange = send(request)
      seen.set(key, exchange)
    }
    return exchange
  }
  return {
    send: cached,
    async prefetch(requests, concurrency) {
      let next = 0
      const worker = async () => {
        while (next < requests.length) await cached(requests[next++] as GeneratedRequest)
      }
      await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker))
    },
    exchanges: () => Promise.all(seen.values()),
    clear: () => seen.clear(),
  }
}

export type PipelineStage = { requests: () => GeneratedRequest[] }

/** Operations whose requests are in flight beyond the one being checked. */
const LOOKAHEAD = 2

/**
 * Operation by operation, each with its own cache: while one operation's checks run, the next
 * operations' requests are already in flight, so the target never waits for the checks.
 */
export function createPipeline(stages: PipelineStage[], send: Send, concurrency: number) {
  const caches = new Map<number, { cache: ExchangeCache; ready: Promise<void> }>()
  const start = (index: number) => {
    const stage = stages[index]
    if (stage === undefined || caches.has(index)) return
    const cache = createExchangeCache(send)
    // Deferred, so a stage that fails to generate fails when it is entered, not a stage before it.
    const ready = Promise.resolve().then(() => cache.prefetch(stage.requests(), concurrency))
    ready.catch(() => {}) // surfaced by `enter`; a stage never entered must not leave it unhandled
    caches.set(index, { cache, ready })
  }
  return {
    /** The cache of stage `index`, once its requests are answered; the next stages start now. */
    async enter(index: number): Promise<ExchangeCache> {
      for (let ahead = 0; ahead <= LOOKAHEAD; ahead++) start(index + ahead)
      const entry = caches.get(index) as { cache: ExchangeCache; ready: Promise<void> }
      await entry.ready
      return entry.cache
    },
    leave(index: number): void {
      caches.get(index)?.cache.clear()
      caches.delete(index)
    },
  }
}
