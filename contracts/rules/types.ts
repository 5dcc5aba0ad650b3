import type fc from 'fast-check'

import type { JsonSchema } from '../json-schema.ts'
import type { Payload } from '../request.ts'

/**
 * What the schema cannot say about one endpoint: its prose rules, and how they narrow the valid
 * generator. A rule file covers every method of its path.
 */
export type EndpointRules = {
  path: string
  /** The prose rules, quoted or paraphrased from the reference page. */
  prose: string[]
  /**
   * Narrows generated parameters (the body, or the query for body-less methods) to those that
   * keep the prose rules. Must only map, never filter away most values.
   */
  valid?: (parameters: fc.Arbitrary<Payload>, schema: JsonSchema) => fc.Arbitrary<Payload>
}
