// Seam-wide errors the spec does not list (it documents only 200, 400 and 401): a live workspace
// also answers 404 `…_not_found`, 429 and 5xx. This overlay says which of them a run expects.
// Pure: it judges one answer from what the run knows about the IDs it sent.
import { readErrorEnvelope } from './error-envelope.ts'

export type Answer = { status?: number; json?: unknown; error?: string }

export type Verdict =
  | { kind: 'ok' }
  /** An error the overlay expects: a 404 for an ID the run never created, a 400. */
  | { kind: 'expected_error'; type: string }
  /** The target broke the contract. */
  | { kind: 'violation'; reason: string }
  /** The target has no such operation: a 404 that is not a resource's `…_not_found`. */
  | { kind: 'operation_missing'; reason: string }
  /** The target failed (5xx, outage, transport, rate limit that never cleared): not a contract matter. */
  | { kind: 'target_failure'; reason: string }

export const SEAM_WIDE_ERRORS = {
  404: 'a resource the request names does not exist: error.type ends in "_not_found"',
  429: 'too many requests: retry after Retry-After',
  '5xx': 'the target failed; reported as a target failure, apart from contract violations',
} as const

/** What the run knows about the request: did it name only resources it knows to exist? */
export type RequestKnowledge = { namesOnlyExistingResources: boolean }

export function judgeAnswer(answer: Answer, knowledge: RequestKnowledge): Verdict {
  if (answer.error !== undefined || answer.status === undefined) {
    return { kind: 'target_failure', reason: answer.error ?? 'no answer' }
  }
  const { status } = answer
  if (status >= 200 && status < 300) return { kind: 'ok' }
  const type = readErrorEnvelope(answer.json)?.type
  if (status >= 500) return { kind: 'target_failure', reason: `${status} ${type ?? ''}`.trim() }
  if (status === 429) return { kind: 'target_failure', reason: '429 rate limited, retries exhausted' }
  if (status === 404) {
    if (type === undefined || !type.endsWith('_not_found')) {
      return { kind: 'operation_missing', reason: `404 ${type ?? 'without an error envelope'}` }
    }
    return knowledge.namesOnlyExistingResources
      ? { kind: 'violation', reason: `404 ${type} for a resource the run created and did not delete` }
      : { kind: 'expected_error', type }
  }
  if (status === 400 || status === 401) {
    return type === undefined
      ? { kind: 'violation', reason: `${status} without Seam's error envelope` }
      : { kind: 'expected_error', type }
  }
  return { kind: 'violation', reason: `${status} is neither documented nor in the Seam-wide overlay` }
}
