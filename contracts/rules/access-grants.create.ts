import fc from 'fast-check'

import { dateTime } from '../arbitraries/strings.ts'
import { formatAccepts } from '../formats.ts'
import type { Payload } from '../request.ts'
import type { EndpointRules } from './types.ts'

// "In the future", fixed for a whole calendar year so that a seed replays the same values.
const FUTURE = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 1))
const LATEST = new Date('2099-12-31T23:59:59.000Z')
const PAST = { min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2020-12-31T23:59:59.000Z') }

export const accessGrantsCreate = {
  path: '/access_grants/create',
  prose: [
    'starts_at and ends_at are ISO 8601 date-times (RFC 3339 with an offset), though the spec gives no format.',
    'ends_at must be a time in the future and after starts_at.',
    'Exactly one of user_identity_id / user_identity (the schema says so with oneOf).',
    'requested_access_methods is required; location and location_ids are deprecated.',
    'Object: {"access_grant": {...}, "ok": true} on the wire, the grant itself from the SDKs.',
  ],
  statedIn: ['ends_at'],
  valid: (parameters) =>
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
  violation: (parameters, now) => {
    const { starts_at: startsAt, ends_at: endsAt } = parameters
    for (const [name, value] of [
      ['starts_at', startsAt],
      ['ends_at', endsAt],
    ] as const) {
      if (typeof value === 'string' && !formatAccepts('date-time', value))
        return `${name} must be an ISO 8601 date-time`
    }
    if (typeof endsAt !== 'string') return undefined
    if (Date.parse(endsAt) <= now.getTime()) return 'ends_at must be a time in the future'
    if (typeof startsAt === 'string' && Date.parse(endsAt) <= Date.parse(startsAt))
      return 'ends_at must be after starts_at'
    return undefined
  },
  invalid: [
    {
      label: 'prose: ends_at before starts_at',
      make: (valid) =>
        fc
          .tuple(valid, dateTime({ min: FUTURE, max: LATEST }), fc.integer({ min: 1, max: 30 * 24 }))
          .map(([payload, endsAt, hours]) => withDates(payload, shift(endsAt, hours), endsAt)),
    },
    {
      label: 'prose: ends_at in the past',
      make: (valid) =>
        fc.tuple(valid, dateTime(PAST)).map(([payload, endsAt]) => withDates(payload, undefined, endsAt)),
    },
  ],
} satisfies EndpointRules

function withDates(payload: Payload, startsAt: string | undefined, endsAt: string): Payload {
  const { starts_at: _start, ...rest } = payload
  return { ...rest, ...(startsAt === undefined ? {} : { starts_at: startsAt }), ends_at: endsAt }
}

function shift(dateTimeText: string, hours: number): string {
  return new Date(Date.parse(dateTimeText) + hours * 3600_000).toISOString()
}
