/** Caches `build` per object: arbitraries and validators are derived once per schema or operation. */
export function memoizeByObject<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>()
  return (key) => {
    let value = cache.get(key)
    if (value === undefined) {
      value = build(key)
      cache.set(key, value)
    }
    return value
  }
}

/** Caches `build` per pair of objects; no second key: the same as `memoizeByObject`. */
export function memoizeByObjects<K extends object, L extends object, V>(
  build: (key: K, second?: L) => V,
): (key: K, second?: L) => V {
  const unpaired = memoizeByObject((key: K) => build(key))
  const cache = new WeakMap<K, WeakMap<L, V>>()
  return (key, second) => {
    if (second === undefined) return unpaired(key)
    let byKey = cache.get(key)
    if (byKey === undefined) {
      byKey = new WeakMap()
      cache.set(key, byKey)
    }
    let value = byKey.get(second)
    if (value === undefined) {
      value = build(key, second)
      byKey.set(second, value)
    }
    return value
  }
}

/**
 * Caches `build` per string for the `size` strings met last: for keys that recur close together
 * (an operation's requests, the bodies a mock answers it from), not for keeping everything.
 */
export function recentCache<V>(size: number): (key: string, build: () => V) => V {
  const kept = new Map<string, V>()
  return (key, build) => {
    let value = kept.get(key)
    if (value === undefined) {
      // A Map iterates in insertion order: the first key is the one met longest ago.
      if (kept.size >= size) kept.delete(kept.keys().next().value as string)
      value = build()
      kept.set(key, value)
    }
    return value
  }
}
