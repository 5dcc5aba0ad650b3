import fc from 'fast-check'

import { dateTime } from '../arbitraries/strings.ts'
import { formatAccepts } from '../formats.ts'
import type { Payload } from '../request.ts'
import type { EndpointRules } from './types.ts'

// "In the future", fixed for a whole calendar year so that a seed replays the same values.
const FUTURE = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 1))
const LATEST = new Date('2099-12-31T23:59:59.000Z')
const PAST = { min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2020-12-31T23:59:59.000Z') }

const IN_THE_FUTURE = 'ends_at must be a time in the future'
const AFTER_STARTS_AT = 'ends_at must be after starts_at'
const dateTimeRule = (name: string) => `${name} must be an ISO 8601 date-time`

/**
 * Every date rule the parameters break. A grant without `starts_at` starts now: "after starts_at"
 * holds it to now, so an `ends_at` in the past breaks both rules unless `starts_at` is earlier.
 */
function violations(parameters: Payload, now: Date): string[] {
  const broken: string[] = []
  const { starts_at: startsAt, ends_at: endsAt } = parameters
  for (const [name, value] of [
    ['starts_at', startsAt],
    ['ends_at', endsAt],
  ] as const) {
    if (typeof value === 'string' && !formatAccepts('date-time', value)) broken.push(dateTimeRule(name))
  }
  if (typeof endsAt !== 'string' || !formatAccepts('date-time', endsAt)) return broken
  const ends = Date.parse(endsAt)
  if (ends <= now.getTime()) broken.push(IN_THE_FUTURE)
  // A `starts_at` that is no date-time is its own fault: nothing to compare with.
  const starts =
    typeof startsAt !== 'string'
      ? now.getTime()
      : formatAccepts('date-time', startsAt)
        ? Date.parse(startsAt)
        : Number.NaN
  if (ends <= starts) broken.push(AFTER_STARTS_AT)
  return broken
}

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
  violations,
  violation: (parameters, now) => violations(parameters, now)[0],
  // Each case sets every date, so that only its own rule is broken: an `ends_at` in the past
  // comes with an earlier `starts_at`, or the default "starts now" would break "after starts_at" too.
  invalid: [
    {
      label: 'prose: ends_at before starts_at',
      breaks: AFTER_STARTS_AT,
      make: (valid) =>
        fc
          .tuple(valid, dateTime({ min: FUTURE, max: LATEST }), fc.integer({ min: 1, max: 30 * 24 }))
          .map(([payload, endsAt, hours]) => withDates(payload, shift(endsAt, hours), endsAt)),
    },
    {
      label: 'prose: ends_at in the past',
      breaks: IN_THE_FUTURE,
      make: (valid) =>
        fc
          .tuple(valid, dateTime(PAST), fc.integer({ min: 1, max: 30 * 24 }))
          .map(([payload, endsAt, hours]) => withDates(payload, shift(endsAt, -hours), endsAt)),
    },
    {
      label: 'prose: starts_at not a date-time',
      breaks: dateTimeRule('starts_at'),
      make: (valid) =>
        fc
          .tuple(
            valid,
            dateTime({ min: FUTURE, max: LATEST }),
            fc.constantFrom('tomorrow', '2030-13-45', 'now'),
          )
          .map(([payload, endsAt, startsAt]) => withDates(payload, startsAt, endsAt)),
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
