import fc from 'fast-check'

import type { Payload } from '../request.ts'
import { type Alternative, present } from './presence.ts'
import { propertyValue } from './property-value.ts'
import type { Narrowing } from './types.ts'

/**
 * Narrows parameters to exactly one of the alternatives: each of its parameters present (a
 * generated value kept, a missing one given a value its schema allows), every parameter of the
 * other alternatives absent. Valid payloads then hold under any reading of "either … or".
 */
export function oneGroupOf(...alternatives: [Alternative, ...Alternative[]]): Narrowing {
  return (parameters, schema) => {
    const values = alternatives.map((names) => fc.tuple(...names.map((name) => propertyValue(schema, name))))
    return fc
      .tuple(parameters, fc.integer({ min: 0, max: alternatives.length - 1 }), fc.tuple(...values))
      .map(([payload, chosen, generated]) => {
        const out: Payload = { ...payload }
        const keep = alternatives[chosen] as Alternative
        for (const name of alternatives.flat()) if (!keep.includes(name)) delete out[name]
        keep.forEach((name, index) => {
          if (!present(out, name)) out[name] = (generated[chosen] as unknown[])[index]
        })
        return out
      })
  }
}
