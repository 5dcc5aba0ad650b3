export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300
}

/**
 * The JSON a body holds, read leniently: `{ json }` when the text parses, `{}` when it is empty or
 * not JSON. A body is only what a server chose to send, so it never throws.
 */
export function readJson(text: string): { json?: unknown } {
  if (text === '') return {}
  try {
    return { json: JSON.parse(text) as unknown }
  } catch {
    return {}
  }
}
