// SDK wire conventions: what an SDK release adds to its requests by a rule of its own, though the
// spec does not name it. Each is recognised by that rule (nothing else that is extra), accepted,
// and reported once per run under "Known SDK conventions" with the operations it showed on.
// docs/sdk-known-findings.md explains each.
import { SDK_STRICT_FLAG, withoutStrictFlag } from '../../contracts/query.ts'
import type { KnownFinding } from './known-findings.ts'

type Query = Record<string, string | string[]>

export const STRICT_QUERY_FLAG: KnownFinding = {
  id: 'strict_query_flag',
  kind: 'convention',
  check: 'sdk_request',
  summary: `the SDK adds ${SDK_STRICT_FLAG.name}=${SDK_STRICT_FLAG.value} to every non-empty query string (its lib/url-search-params-serializer.js)`,
  versions: '@seamapi/http 2.11.2 to 2.32.0 (not 1.121.0, 2.2.0 or 2.3.0)',
}

export const KNOWN_CONVENTIONS: KnownFinding[] = [STRICT_QUERY_FLAG]

/**
 * The query the SDK sent less what a convention explains, and the conventions it showed. The strict
 * flag is explained only as the SDK writes it: once, `true`, beside at least one parameter.
 */
export function queryConventions(sent: Query): { query: Query; conventions: KnownFinding[] } {
  const query = withoutStrictFlag(sent)
  return { query, conventions: query === sent ? [] : [STRICT_QUERY_FLAG] }
}
