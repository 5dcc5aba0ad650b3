// How a query travels: OpenAPI's default form style, written by the clients and read back by the mock.

/** OpenAPI's default for query parameters: form style, arrays repeat the key. */
export function queryString(query: Record<string, unknown>): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      params.append(name, typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item))
    }
  }
  const text = params.toString()
  return text === '' ? '' : `?${text}`
}

/** The query as a server reads it: a repeated key becomes a list. */
export function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  // fromEntries, not assignment: a parameter named `__proto__` stays a key.
  return Object.fromEntries(
    [...new Set(params.keys())].map((name) => {
      const values = params.getAll(name)
      return [name, values.length === 1 ? (values[0] as string) : values]
    }),
  )
}

/**
 * What `@seamapi/http` 2.x (2.11.2 on) adds to every non-empty query string it sends, though the
 * spec does not name it (docs/sdk-known-findings.md). The mock judges a query without it.
 */
export const SDK_STRICT_FLAG = { name: '_strict', value: 'true' } as const

/** The query less the SDK's strict flag, if it carries exactly `_strict=true` beside other parameters. */
export function withoutStrictFlag(
  query: Record<string, string | string[]>,
): Record<string, string | string[]> {
  const { name, value } = SDK_STRICT_FLAG
  const others = Object.entries(query).filter(([key]) => key !== name)
  return query[name] === value && others.length > 0 ? Object.fromEntries(others) : query
}
