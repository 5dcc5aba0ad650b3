import { describe, expect, it } from 'vitest'

import { recentCache } from '../../contracts/memo.ts'

describe('recentCache', () => {
  it('builds a key once while it is among the last `size` keys met', () => {
    const builds: string[] = []
    const cached = recentCache<string>(2)
    const get = (key: string) => cached(key, () => (builds.push(key), `value of ${key}`))
    expect([get('a'), get('b'), get('a')]).toEqual(['value of a', 'value of b', 'value of a'])
    expect(builds).toEqual(['a', 'b'])
  })

  it('forgets the key met longest ago once more are kept', () => {
    const builds: string[] = []
    const cached = recentCache<number>(2)
    const get = (key: string) => cached(key, () => builds.push(key))
    for (const key of ['a', 'b', 'c', 'b', 'a']) get(key)
    expect(builds).toEqual(['a', 'b', 'c', 'a'])
  })
})
