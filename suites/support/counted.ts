/** `1 test`, `2 tests`; `1 property`, `2 properties` with the plural given. */
export function counted(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`
}
