// Every operation of the pinned spec, not just the seed ones: its valid generator yields what the
// schema accepts, and its invalid generator breaks what its label says. Fewer cases per operation
// than the seed properties, over all 522.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { invalidRequest } from '../../contracts/arbitraries/invalid.ts'
import { validRequest } from '../../contracts/arbitraries/request.ts'
import { responseArbitrary } from '../../contracts/arbitraries/schema.ts'
import type { GeneratedRequest } from '../../contracts/request.ts'
import { operations, validators } from '../helpers/model.ts'

const CASES = 25

describe('every operation', () => {
  it('has valid requests its schema accepts', () => {
    const wrong: string[] = []
    for (const operation of operations) {
      const validate = validators.request(operation)
      for (const request of fc.sample(validRequest(operation), { seed: 11, numRuns: CASES })) {
        const errors = validate(parameters(request))
        if (errors.length > 0) wrong.push(`${operation.id}: ${JSON.stringify(errors[0])}`)
      }
    }
    expect(wrong).toEqual([])
  })

  it("has answers (the mock's) that its 200 response schema accepts", () => {
    const wrong: string[] = []
    for (const operation of operations) {
      const schema = operation.responses['200']?.schema
      const validate = validators.response(operation, '200')
      if (schema === undefined || validate === undefined) continue
      for (const body of fc.sample(responseArbitrary(schema), { seed: 11, numRuns: 5 })) {
        const errors = validate(body)
        if (errors.length > 0) wrong.push(`${operation.id}: ${JSON.stringify(errors[0])}`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('has invalid requests that break what their label says', () => {
    const wrong: string[] = []
    for (const operation of operations) {
      const requests = invalidRequest(operation)
      if (requests === undefined) continue
      const validate = validators.request(operation)
      for (const request of fc.sample(requests, { seed: 11, numRuns: CASES })) {
        const intent = request.invalid
        if (intent?.breaks !== 'schema') continue
        const at = intent.at?.length ? `/${intent.at.join('/')}` : '(root)'
        const errors = validate(parameters(request))
        if (!errors.some((e) => e.keyword === intent.keyword && e.path === at)) {
          wrong.push(`${operation.id}: "${intent.label}" but ${JSON.stringify(errors)}`)
        }
      }
    }
    expect(wrong).toEqual([])
  })
})

function parameters(request: GeneratedRequest): unknown {
  return request.body ?? request.query
}
