// Real IDs in generated requests (live mode): a bound valid payload is still valid, schema and prose;
// its ID parameters carry only the real IDs; an invalid one still breaks what its label says.
import { randomUUID } from 'node:crypto'

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { boundParameters } from '../../contracts/arbitraries/bound-ids.ts'
import { invalidRequest } from '../../contracts/arbitraries/invalid.ts'
import { validRequest } from '../../contracts/arbitraries/request.ts'
import type { GeneratedRequest } from '../../contracts/request.ts'
import { rulesFor } from '../../contracts/rules/index.ts'
import { seedOperations, validators } from '../helpers/model.ts'

const IDS = {
  device_id: [randomUUID(), randomUUID()],
  acs_entrance_id: [randomUUID()],
  acs_user_id: [randomUUID()],
  acs_system_id: [randomUUID()],
  user_identity_id: [randomUUID()],
  user_identity_key: ['seam-conformance-test-identity'],
}

const parameters = (request: GeneratedRequest) => (request.body ?? request.query) as Record<string, unknown>

describe.each(seedOperations.map((op) => [op.id, op] as const))(
  'requests bound to real IDs for %s',
  (_id, op) => {
    it('stay valid, and carry only the real IDs', () => {
      const validate = validators.request(op)
      fc.assert(
        fc.property(validRequest(op, IDS), (request) => {
          const payload = parameters(request)
          expect(validate(payload)).toEqual([])
          expect(rulesFor(op.path)?.violation?.(payload, new Date())).toBeUndefined()
          for (const name of boundParameters(payload, IDS))
            expect(IDS[name as keyof typeof IDS]).toContain(payload[name])
        }),
        { numRuns: 300 },
      )
    })

    it('break a payload that names real IDs when invalid, and still only the labelled rule', () => {
      const requests = invalidRequest(op, IDS)
      if (requests === undefined) return
      const validate = validators.request(op)
      fc.assert(
        fc.property(requests, (request) => {
          if (request.invalid?.breaks !== 'prose') return
          expect(validate(parameters(request))).toEqual([])
          expect(rulesFor(op.path)?.violation?.(parameters(request), new Date())).toBeDefined()
        }),
        { numRuns: 300 },
      )
    })

    it('yield the same values for the same seed', () => {
      const sample = (seed: number) => fc.sample(validRequest(op, IDS), { seed, numRuns: 10 })
      expect(sample(5)).toEqual(sample(5))
    })
  },
)
