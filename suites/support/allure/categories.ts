// How the report sorts what went wrong, first match wins: so a nightly report separates "the API
// broke its contract" from "the sandbox was down". Each failure message starts with its check's
// name (`void_shape: POST /…`) or `target_error:`, and carries a `Response: <status>` line.
// The patterns match the whole message, so Allure 2 (Java, whole-string match) and Allure 3
// (JavaScript, search) read them alike.
export type CategoryRule = {
  name: string
  description: string
  matchedStatuses: Array<'failed' | 'broken' | 'skipped'>
  messageRegex?: string
}

export const CATEGORIES: CategoryRule[] = [
  {
    name: 'Operation missing',
    description: 'The target answered 404 or 405: it does not serve this operation.',
    matchedStatuses: ['failed', 'broken'],
    messageRegex: '[\\s\\S]*\\nResponse: 40[45] [\\s\\S]*',
  },
  {
    name: 'Transport or timeout',
    description: 'No complete answer: refused, reset or timed out. The target was down, not wrong.',
    matchedStatuses: ['failed', 'broken'],
    messageRegex: '^target_error:[\\s\\S]*',
  },
  {
    name: 'Server error (5xx)',
    description: 'The target answered 5xx.',
    matchedStatuses: ['failed', 'broken'],
    messageRegex: '[\\s\\S]*\\nResponse: 5\\d\\d [\\s\\S]*',
  },
  {
    name: 'Contract violation',
    description: 'The target answered, and the answer breaks the contract (check named in the message).',
    matchedStatuses: ['failed'],
  },
  {
    name: 'Skipped with reason',
    description: 'A check that cannot apply to this target, with the reason.',
    matchedStatuses: ['skipped'],
  },
  {
    name: 'Suite error',
    description: 'The suite itself failed (a crash outside any check).',
    matchedStatuses: ['broken'],
  },
]
