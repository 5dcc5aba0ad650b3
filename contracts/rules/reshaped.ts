import fc from 'fast-check'

import type { Payload } from '../request.ts'
import { present } from './presence.ts'
import { propertyValue } from './property-value.ts'
import type { ProseCase } from './types.ts'

export type Reshape = {
  /** Parameters to be present: a valid payload's value kept, a missing one given a value its schema allows. */
  set?: string[]
  /** Parameters to drop. */
  remove?: string[]
  /** Values to write as they are. */
  assign?: Payload
}

/** A prose case that reshapes a valid payload's parameters so that it breaks the rule `breaks` words. */
export function reshaped(
  label: string,
  breaks: string,
  { set = [], remove = [], assign = {} }: Reshape,
): ProseCase {
  return {
    label,
    breaks,
    make: (valid, schema) =>
      fc
        .tuple(valid, fc.tuple(...set.map((name) => propertyValue(schema, name))))
        .map(([payload, values]) => {
          const out: Payload = { ...payload }
          for (const name of remove) delete out[name]
          set.forEach((name, index) => {
            if (!present(out, name)) out[name] = values[index]
          })
          return { ...out, ...assign }
        }),
  }
}
