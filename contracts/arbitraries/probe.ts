import fc from 'fast-check'

const PROBE = { seed: 0x5ea3, numRuns: 30 }

/**
 * Whether some of a few fixed samples pass `predicate`. A filter that can never pass would spin
 * forever, so arbitraries built with one are probed once, when they are built.
 */
export function yieldsSome<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => boolean): boolean {
  return fc.sample(arbitrary, PROBE).some(predicate)
}
