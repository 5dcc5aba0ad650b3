// How the report sorts what went wrong, first match wins: so a nightly report separates "the API
// broke its contract" from "the sandbox was down". Each test carries its verdict's category as the
// hidden label `_category` (set from the engine's typed verdict, see labels.ts); the rules match it.
import type { FailureCategory } from '../../engine/events.ts'

type Status = 'failed' | 'broken' | 'skipped'

export type CategoryRule = {
  name: string
  description: string
  matchers: { statuses: Status[]; labels?: { _category: FailureCategory } }
}

export const CATEGORIES: CategoryRule[] = [
  {
    name: 'Operation missing',
    description: 'The target answered 404 or 405: it does not serve this operation.',
    matchers: { statuses: ['failed', 'broken'], labels: { _category: 'operation_missing' } },
  },
  {
    name: 'Transport or timeout',
    description: 'No complete answer: refused, reset or timed out. The target was down, not wrong.',
    matchers: { statuses: ['failed', 'broken'], labels: { _category: 'transport' } },
  },
  {
    name: 'Server error (5xx)',
    description: 'The target answered 5xx.',
    matchers: { statuses: ['failed', 'broken'], labels: { _category: 'server_error' } },
  },
  {
    name: 'Spec finding',
    description:
      "The target answered what the spec itself shows, and the spec's own schema refuses it (its example breaks its schema, a required property it never defines, overlapping oneOf branches): the spec's fault, not the target's.",
    matchers: { statuses: ['failed'], labels: { _category: 'spec' } },
  },
  {
    name: 'Contract violation',
    description: 'The target answered, and the answer breaks the contract (check named in the message).',
    matchers: { statuses: ['failed'] },
  },
  {
    name: 'Skipped with reason',
    description: 'A check that cannot apply to this target, with the reason.',
    matchers: { statuses: ['skipped'] },
  },
  {
    name: 'Suite error',
    description: 'The suite itself failed (a crash outside any check).',
    matchers: { statuses: ['broken'] },
  },
]
