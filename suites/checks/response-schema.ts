import type { Check } from './types.ts'

export const responseSchema = {
  name: 'response_schema',
  description: 'The body matches the schema the spec documents for its status code.',
  appliesTo: () => true,
  run: ({ operation, validators }, { response }) => {
    const validate = validators.response(operation, String(response.status))
    if (validate === undefined || response.json === undefined) return []
    return validate(response.json).map((error) => ({
      check: 'response_schema',
      message: `${error.path} ${error.message}`,
    }))
  },
} satisfies Check
