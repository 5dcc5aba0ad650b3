import { beforeAll, describe, expect, it } from 'vitest'

import { loadSpec, type Spec } from '../../contracts/spec.ts'
import { compareWithBaseline, formatBaseline } from '../../suites/sdk/baseline.ts'
import { loadDependency, loadSdk } from '../../suites/sdk/load-sdk.ts'
import type { Sdk } from '../../suites/sdk/sdk.ts'
import { DROPS_METHOD } from '../fixtures/sdk-faults.ts'

let spec: Spec
let pinned: Sdk
beforeAll(async () => {
  spec = await loadSpec()
  pinned = await loadSdk()
})

/** The pinned SDK with one more method, on a path the spec does not have. */
const withExtraMethod = (real: Sdk, path: string): Sdk => ({
  ...real,
  name: `${real.name}+extra`,
  connect: (options) => new Map([...real.connect(options), [path, () => Promise.resolve(undefined)]]),
})

describe('compareWithBaseline', () => {
  it('fails a release that lost a method whose operation the spec still has', () => {
    const comparison = compareWithBaseline(pinned, DROPS_METHOD.sdk(pinned), spec)
    expect(comparison.lost).toEqual([
      { sdkPath: '/access_grants/create', operations: ['POST /access_grants/create'], undocumented: false },
    ])
    expect(comparison.droppedWithSpec).toEqual([])
    expect(comparison.gained).toEqual([])
    expect(comparison.baselineMethods - comparison.candidateMethods).toBe(1)
  })

  it('passes a lost method whose path the spec dropped too, and lists it', () => {
    const comparison = compareWithBaseline(withExtraMethod(pinned, '/access_grants/teleport'), pinned, spec)
    expect(comparison.lost).toEqual([])
    expect(comparison.droppedWithSpec).toEqual(['/access_grants/teleport'])
  })

  it('lists gained methods by name', () => {
    const comparison = compareWithBaseline(pinned, withExtraMethod(pinned, '/access_grants/teleport'), spec)
    expect(comparison.gained).toEqual(['/access_grants/teleport'])
    expect(comparison.lost).toEqual([])
  })

  it('2.32.0 against 1.121.0: the methods it lost are all x-undocumented in the spec', async () => {
    const comparison = compareWithBaseline(pinned, await loadDependency('@seamapi/http-next'), spec)
    expect(comparison.lost.length).toBeGreaterThan(0)
    expect(comparison.lost.filter((method) => !method.undocumented)).toEqual([])
    expect(comparison.gained).toContain('/user_identities/merge')
  })
})

describe('formatBaseline', () => {
  it('names every lost and gained method, and says which fail the gate', () => {
    const comparison = compareWithBaseline(
      withExtraMethod(pinned, '/access_grants/teleport'),
      withExtraMethod(DROPS_METHOD.sdk(pinned), '/access_grants/beam'),
      spec,
    )
    const text = formatBaseline(comparison)
    expect(text).toContain('282 methods before, 281 now: 2 lost, 1 gained')
    expect(text).toContain(
      [
        'Lost methods whose operation the spec still has (sdk_coverage: each fails the gate):',
        '  /access_grants/create (POST /access_grants/create)',
        '',
        'Lost methods the spec dropped too (not failing):',
        '  /access_grants/teleport',
        '',
        'Gained methods:',
        '  /access_grants/beam',
      ].join('\n'),
    )
  })
})
