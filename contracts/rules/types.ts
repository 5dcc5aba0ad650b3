import type fc from 'fast-check'

import type { JsonSchema } from '../json-schema.ts'
import type { Payload } from '../request.ts'

/** One prose rule as a predicate: how the rule is worded when the parameters break it, else undefined. */
export type ProseCheck = (parameters: Payload, now: Date) => string | undefined

/** Narrows generated parameters to those that keep prose rules; `schema` is the operation's input. */
export type Narrowing = (parameters: fc.Arbitrary<Payload>, schema: JsonSchema) => fc.Arbitrary<Payload>

/** A payload that keeps the schema but breaks one prose rule, built from a valid one. */
export type ProseCase = {
  label: string
  /** The rule it breaks, worded as its check words it; every other rule of the endpoint holds. */
  breaks?: string
  /** `schema` is the operation's input, for values a case adds. */
  make: (valid: fc.Arbitrary<Payload>, schema: JsonSchema) => fc.Arbitrary<Payload>
}

/**
 * What the schema cannot say about one endpoint: its prose rules, how they narrow the valid
 * generator, the invalid cases they give, and the rules as a predicate (which the contract mock
 * enforces). A rule file covers every method of its path; parameters are the body, or the query
 * for body-less methods.
 */
export type EndpointRules = {
  path: string
  /** The prose rules, quoted or paraphrased from the reference page or the spec's descriptions. */
  prose: string[]
  /**
   * Where the spec states them, as the phrase scan (./prose-scan.ts) names a place: `description`,
   * or a parameter (dotted for nested properties).
   */
  statedIn?: string[]
  /** Narrows generated parameters to those that keep the prose rules. Maps, never filters much. */
  valid?: Narrowing
  /** Each prose rule as its own check, so that a case can be shown to break one rule and no other. */
  checks?: ProseCheck[]
  /** The first prose rule the parameters break, or undefined (the seed files' one predicate). */
  violation?: ProseCheck
  /**
   * Every prose rule the parameters break, first to last; where an endpoint has more than one rule,
   * so that an invalid case can be shown to break only its own. Unset: `violation` and `checks` are all.
   */
  violations?: (parameters: Payload, now: Date) => string[]
  invalid?: ProseCase[]
}
