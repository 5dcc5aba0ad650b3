import type fc from 'fast-check'

import type { JsonSchema } from '../json-schema.ts'
import type { Payload } from '../request.ts'

/**
 * A payload that keeps the schema and every prose rule but one, built from a valid one: a server
 * that enforces all rules but that one must be caught by it.
 */
export type ProseCase = {
  label: string
  /** The rule it breaks, worded as `violation` words it. */
  breaks?: string
  make: (valid: fc.Arbitrary<Payload>) => fc.Arbitrary<Payload>
}

/**
 * What the schema cannot say about one endpoint: its prose rules, how they narrow the valid
 * generator, the invalid cases they give, and the rules as a predicate (which the contract mock
 * enforces). A rule file covers every method of its path; parameters are the body, or the query
 * for body-less methods.
 */
export type EndpointRules = {
  path: string
  /** The prose rules, quoted or paraphrased from the reference page. */
  prose: string[]
  /** Narrows generated parameters to those that keep the prose rules. Maps, never filters much. */
  valid?: (parameters: fc.Arbitrary<Payload>, schema: JsonSchema) => fc.Arbitrary<Payload>
  /** The first prose rule the parameters break, or undefined. */
  violation?: (parameters: Payload, now: Date) => string | undefined
  /**
   * Every prose rule the parameters break, first to last; where an endpoint has more than one rule,
   * so that an invalid case can be shown to break only its own. Unset: `violation` is all there is.
   */
  violations?: (parameters: Payload, now: Date) => string[]
  invalid?: ProseCase[]
}
