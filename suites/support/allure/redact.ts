// Last line of defence before anything is written into a report: the run's own secrets, and any
// value that merely looks like a Seam credential (a token echoed in a body, a key in a payload).
import { REDACTED, scrubSecrets } from '../../../contracts/credentials.ts'
import { MADE_UP_TOKENS } from '../../scenarios/auth.ts'

// API keys `seam_…`, access tokens `seam_at…`, client sessions `seam_cst…`, publishable keys
// `seam_pk…` (at least 8 characters after the prefix), and JWTs (console sessions).
const TOKEN_LIKE = [/\bseam_[A-Za-z0-9_]{8,}/g, /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g]

export function redactForReport(text: string, secrets: string[]): string {
  // The auth suite's made-up tokens stay: which wrong credential was let in is the finding, and
  // its curl line must send that token to replay it.
  return TOKEN_LIKE.reduce(
    (scrubbed, pattern) =>
      scrubbed.replace(pattern, (token) => (MADE_UP_TOKENS.has(token) ? token : REDACTED)),
    scrubSecrets(text, secrets),
  )
}
