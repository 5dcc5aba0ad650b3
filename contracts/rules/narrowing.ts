import fc from 'fast-check'

import type { Payload } from '../request.ts'
import type { Narrowing } from './types.ts'

/** The narrowings one after the other: for an endpoint with several rules. */
export function narrowing(...steps: [Narrowing, ...Narrowing[]]): Narrowing {
  return (parameters, schema) => steps.reduce((narrowed, step) => step(narrowed, schema), parameters)
}

/** The narrowing, only for the payloads `applies` to: "a cooling set point when the mode is cool". */
export function narrowWhen(applies: (parameters: Payload) => boolean, step: Narrowing): Narrowing {
  return (parameters, schema) =>
    parameters.chain((payload) =>
      applies(payload) ? step(fc.constant(payload), schema) : fc.constant(payload),
    )
}
