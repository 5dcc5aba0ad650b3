import type { Check } from './types.ts'

// What only a server's insides say: a stack frame, a source file with its line, a dependency
// folder, a language runtime's exception banner, or a `stack` field.
const LEAKS: { what: string; pattern: RegExp }[] = [
  {
    what: 'a stack frame',
    pattern: /\bat (?:[\w$.<>[\]]+ )?\(?(?:file:\/\/|\/|[A-Za-z]:\\)[^\s)"]+:\d+(?::\d+)?\)?/,
  },
  { what: 'a source file and line', pattern: /[\w./\\-]+\.(?:[cm]?js|ts|py|rb|go|java|php|cs):\d+\b/ },
  { what: 'a dependency path', pattern: /node_modules[\\/]|site-packages[\\/]/ },
  { what: 'a Python traceback', pattern: /Traceback \(most recent call last\)/ },
  {
    what: 'an exception class',
    pattern:
      /\b(?:TypeError|ReferenceError|RangeError|InternalError|NullPointerException|[A-Z][A-Za-z]*Exception):/,
  },
  { what: 'a "stack" field', pattern: /"stack"\s*:\s*"/ },
]

/** An error answer says what was wrong with the request, never how the server is built. */
export const noInternalDetails = {
  name: 'no_internal_details',
  severity: 'normal',
  area: 'errors',
  answers: 'any',
  description: 'No 4xx/5xx body carries a stack trace, a source path or internal exception text.',
  appliesTo: () => true,
  run: (_context, { response }) => {
    if (response.status < 400) return []
    return LEAKS.flatMap(({ what, pattern }) => {
      const found = pattern.exec(response.text)
      return found === null ? [] : [{ message: `${response.status} body shows ${what}: "${found[0]}"` }]
    })
  },
} satisfies Check
