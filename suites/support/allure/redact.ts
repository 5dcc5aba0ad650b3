// Last line of defence before anything is written into a report: the run's own secrets, and any
// value that merely looks like a Seam credential (a token echoed in a body, a key in a payload).
import { REDACTED, scrubSecrets } from '../../../contracts/credentials.ts'

// API keys `seam_…`, access tokens `seam_at…`, client sessions `seam_cst…`, publishable keys
// `seam_pk…` (at least 8 characters after the prefix), and JWTs (console sessions).
const TOKEN_LIKE = [/\bseam_[A-Za-z0-9_]{8,}/g, /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g]

export function redactForReport(text: string, secrets: string[]): string {
  return TOKEN_LIKE.reduce(
    (scrubbed, pattern) => scrubbed.replace(pattern, REDACTED),
    scrubSecrets(text, secrets),
  )
}
