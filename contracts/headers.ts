// Headers as the suite keeps them: lower-case names, one string each (a repeated header joined as
// HTTP joins it), none unset.

export type GivenHeaders = Record<string, string | string[] | undefined>

/** In one pass; `value` changes each value on the way (the client scrubs secrets there). */
export function flatHeaders(
  headers: GivenHeaders,
  value: (text: string) => string = (text) => text,
): Record<string, string> {
  const flat: [string, string][] = []
  for (const name of Object.keys(headers)) {
    const given = headers[name]
    if (given !== undefined)
      flat.push([name.toLowerCase(), value(Array.isArray(given) ? given.join(', ') : given)])
  }
  // Entries, not assignments: a header named __proto__ stays a header.
  return Object.fromEntries(flat)
}
