// Valid requests for an operation: its parameters from the schema, narrowed by the endpoint's
// rule file where the prose says more than the schema.
import fc from 'fast-check'

import { memoizeByObjects } from '../memo.ts'
import type { Operation } from '../operations.ts'
import type { GeneratedRequest, Payload } from '../request.ts'
import { rulesFor } from '../rules/index.ts'
import { bindIds, type IdBindings } from './bound-ids.ts'
import { queryArbitrary, schemaArbitrary } from './schema.ts'

/** Valid requests; with `ids`, those parameters carry real IDs (./bound-ids.ts). */
export const validRequest = memoizeByObjects(
  (operation: Operation, ids?: IdBindings): fc.Arbitrary<GeneratedRequest> =>
    ids === undefined ? build(operation) : bindIds(build(operation), ids),
)

function build(operation: Operation): fc.Arbitrary<GeneratedRequest> {
  const base = { operation: operation.id, method: operation.method, path: operation.path }
  const inBody = operation.input.in === 'body'
  const schema = operation.input.schema
  const refine = rulesFor(operation.path)?.valid
  const generated = (inBody ? schemaArbitrary : queryArbitrary)(schema) as fc.Arbitrary<Payload>
  const parameters = refine === undefined ? generated : refine(generated, schema)
  if (!inBody) return parameters.map((payload) => ({ ...base, query: payload }))
  const query =
    operation.queryBesideBody === undefined
      ? fc.constant({})
      : (queryArbitrary(operation.queryBesideBody) as fc.Arbitrary<Payload>)
  return fc.tuple(parameters, query).map(([body, query]) => ({ ...base, query, body }))
}
