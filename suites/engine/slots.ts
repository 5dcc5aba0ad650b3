// At most `size` cases in flight across the whole run, the earliest operation first: the operation
// being judged never waits behind the prefetch of later ones, and nothing queues inside the HTTP
// client, where waiting would count against a case's own deadline.
export type Slots = <T>(priority: number, task: () => Promise<T>) => Promise<T>

export function createSlots(size: number): Slots {
  let running = 0
  // Waiting in arrival order: among equal priorities the first to ask goes first.
  const waiting: { priority: number; start: () => void }[] = []
  const next = () => {
    if (running >= size || waiting.length === 0) return
    let best = 0
    for (let at = 1; at < waiting.length; at++) {
      const candidate = waiting[at] as (typeof waiting)[number]
      const current = waiting[best] as (typeof waiting)[number]
      if (candidate.priority < current.priority) best = at
    }
    const [chosen] = waiting.splice(best, 1)
    running++
    chosen?.start()
  }
  return async (priority, task) => {
    await new Promise<void>((start) => {
      waiting.push({ priority, start })
      next()
    })
    try {
      return await task()
    } finally {
      running--
      next()
    }
  }
}
