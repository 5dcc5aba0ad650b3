import type { Check } from './types.ts'

export const contentTypeJson = {
  name: 'content_type_json',
  severity: 'normal',
  area: 'content',
  answers: 'any',
  description: 'Every response with a body is application/json and parses as JSON.',
  appliesTo: () => true,
  run: (_context, { response }) => {
    if (response.text === '' && response.status === 204) return []
    const contentType = response.headers['content-type'] ?? ''
    const violations = []
    if (!/^application\/json\b/i.test(contentType)) {
      violations.push({
        message: `content-type is "${contentType}", expected application/json`,
      })
    }
    if (response.json === undefined) {
      violations.push({ message: 'body is not JSON' })
    }
    return violations
  },
} satisfies Check
