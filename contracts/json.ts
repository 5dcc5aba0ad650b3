export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300
}
