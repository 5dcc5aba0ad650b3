// A curl command that replays a request. Credentials come from the environment, never the text.
import type { WireRequest } from '../../contracts/exchange.ts'

export function toCurl(request: WireRequest): string {
  const parts = ['curl', '-X', request.method.toUpperCase(), quote(request.url)]
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.toLowerCase() === 'authorization' && request.secretVariable !== undefined) {
      parts.push('-H', `"Authorization: Bearer \$${request.secretVariable}"`)
    } else {
      parts.push('-H', quote(`${name}: ${value}`))
    }
  }
  if (request.body !== undefined) parts.push('--data-raw', quote(request.body))
  return parts.join(' ')
}

/** POSIX single-quoting: nothing inside is expanded. */
function quote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`
}
