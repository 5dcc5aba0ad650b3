export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300
}

/** JSON when the text is JSON: a server's body may be anything, and that is the checks' to judge. */
export function readJson(text: string): { json?: unknown } {
  if (text === '') return {}
  try {
    return { json: JSON.parse(text) as unknown }
  } catch {
    return {}
  }
}
