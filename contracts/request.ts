// A request as the suite generates it, before it meets the wire: typed parameters, no secrets.
import type { AuthVariant } from './auth.ts'
import type { HttpMethod } from './operations.ts'

export type Payload = Record<string, unknown>

/** What an invalid request breaks, for checks and reports. */
export type InvalidIntent = {
  breaks: 'schema' | 'prose' | 'body'
  /** e.g. `user_identity_id: not a uuid`, `prose: ends_at in the past`. */
  label: string
  /** For schema breakage: the keyword a validator reports, at this instance path. */
  keyword?: string
  at?: (string | number)[]
}

export type GeneratedRequest = {
  /** The operation's id, e.g. `POST /access_grants/create`. */
  operation: string
  method: HttpMethod
  path: string
  /** Query parameters as typed values; arrays repeat the key on the wire. */
  query: Payload
  /** The JSON body, absent for operations that take none. */
  body?: unknown
  /** Sent as is instead of `body`: for bodies that are not JSON at all. */
  rawBody?: string
  /** Replaces `application/json`. */
  contentType?: string
  /** Replaces the run's own credentials (the auth suite). */
  auth?: AuthVariant
  /** Set on requests generated to be invalid. */
  invalid?: InvalidIntent
}
