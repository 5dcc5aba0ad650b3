import type { Check } from './types.ts'

export const contentTypeJson = {
  name: 'content_type_json',
  description: 'Every response with a body is application/json and parses as JSON.',
  appliesTo: () => true,
  run: (_context, { response }) => {
    if (response.text === '' && response.status === 204) return []
    const contentType = response.headers['content-type'] ?? ''
    const violations = []
    if (!/^application\/json\b/i.test(contentType)) {
      violations.push({
        check: 'content_type_json',
        message: `content-type is "${contentType}", expected application/json`,
      })
    }
    if (response.json === undefined) {
      violations.push({ check: 'content_type_json', message: 'body is not JSON' })
    }
    return violations
  },
} satisfies Check
