import fc from 'fast-check'

import { dateTime } from '../arbitraries/strings.ts'
import type { Payload } from '../request.ts'
import type { EndpointRules } from './types.ts'

// "In the future", fixed for a whole calendar year so that a seed replays the same values.
const FUTURE = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 1))
const LATEST = new Date('2099-12-31T23:59:59.000Z')

export const accessGrantsCreate = {
  path: '/access_grants/create',
  prose: [
    'starts_at and ends_at are ISO 8601 date-times (RFC 3339 with an offset), though the spec gives no format.',
    'ends_at must be a time in the future and after starts_at.',
    'Exactly one of user_identity_id / user_identity (the schema says so with oneOf).',
    'requested_access_methods is required; location and location_ids are deprecated.',
    'Object: {"access_grant": {...}, "ok": true} on the wire, the grant itself from the SDKs.',
  ],
  valid: (parameters: fc.Arbitrary<Payload>) =>
    fc
      .tuple(parameters, dateTime({ min: FUTURE, max: LATEST }), dateTime({ min: FUTURE, max: LATEST }))
      .filter(([, a, b]) => Date.parse(a) !== Date.parse(b))
      .map(([payload, a, b]) => {
        const [earlier, later] = Date.parse(a) < Date.parse(b) ? [a, b] : [b, a]
        const out = { ...payload }
        if ('starts_at' in out) out.starts_at = earlier
        if ('ends_at' in out && out.ends_at !== null) out.ends_at = later
        return out
      }),
} satisfies EndpointRules
