import { keptVerdicts } from './kept-verdicts.ts'
import type { Check } from './types.ts'

const validated = keptVerdicts()

export const responseSchema = {
  name: 'response_schema',
  severity: 'normal',
  area: 'schema',
  answers: 'any',
  description: 'The body matches the schema the spec documents for its status code.',
  appliesTo: () => true,
  run: ({ operation, validators }, { response }) => {
    const validate = validators.response(operation, String(response.status))
    if (validate === undefined || response.json === undefined) return []
    const { json } = response
    return validated(validate, response.text, () => json).map((error) => ({
      message: `${error.path} ${error.message}`,
      ...(error.spec === undefined ? {} : { spec: error.spec }),
    }))
  },
} satisfies Check
