// A request as the suite generates it, before it meets the wire: typed parameters, no credentials.
import type { HttpMethod } from './operations.ts'

export type Payload = Record<string, unknown>

export type GeneratedRequest = {
  /** The operation's id, e.g. `POST /access_grants/create`. */
  operation: string
  method: HttpMethod
  path: string
  /** Query parameters as typed values; arrays repeat the key on the wire. */
  query: Payload
  /** The JSON body, absent for operations that take none. */
  body?: unknown
}
