import type { Check } from './types.ts'

export const statusCodeDocumented = {
  name: 'status_code_documented',
  severity: 'minor',
  area: 'status',
  answers: 'any',
  description: 'The status code is one the spec documents for the operation.',
  appliesTo: () => true,
  run: ({ operation }, { response }) => {
    const documented = Object.keys(operation.responses)
    const status = String(response.status)
    const range = `${status[0]}XX`
    if (documented.some((code) => code === status || code.toUpperCase() === range || code === 'default')) {
      return []
    }
    return [
      {
        message: `status ${status} is not documented (documented: ${documented.join(', ')})`,
      },
    ]
  },
} satisfies Check
