import fc from 'fast-check'

import { schemaArbitrary } from '../arbitraries/schema.ts'
import type { JsonSchema } from '../json-schema.ts'
import type { Payload } from '../request.ts'

/** Narrows parameters so that exactly one of `names` is present, with a value its schema allows. */
export function exactlyOneOf(...names: [string, string, ...string[]]) {
  return (parameters: fc.Arbitrary<Payload>, schema: JsonSchema): fc.Arbitrary<Payload> => {
    const values = names.map((name) => schemaArbitrary(schema.properties?.[name] ?? {}))
    return fc
      .tuple(parameters, fc.integer({ min: 0, max: names.length - 1 }), fc.tuple(...values))
      .map(([payload, chosen, generated]) => {
        const out = { ...payload }
        for (const name of names) delete out[name]
        out[names[chosen] as string] = generated[chosen]
        return out
      })
  }
}
