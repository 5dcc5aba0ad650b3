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
