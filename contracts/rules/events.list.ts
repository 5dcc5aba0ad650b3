import fc from 'fast-check'

import { dateTime } from '../arbitraries/strings.ts'
import { narrowing } from './narrowing.ts'
import { oneGroupOf } from './one-group-of.ts'
import { requireOne } from './presence.ts'
import { reshaped } from './reshaped.ts'
import type { EndpointRules, Narrowing } from './types.ts'

const SINCE_OR_BETWEEN = 'You must include since or between.'

const DAY = 24 * 3600_000
const PAST = { min: new Date('2020-01-01T00:00:00.000Z'), max: new Date('2024-12-31T23:59:59.000Z') }

/**
 * `since` as an RFC 3339 date-time (the spec gives it no format), `between` as two calendar dates,
 * earlier first: its items are `oneOf` a string and a date-time string, so a date-time matches both
 * branches and the schema refuses it.
 */
const asTimestamps: Narrowing = (parameters) =>
  fc
    .tuple(
      parameters,
      dateTime(PAST),
      fc.date({ ...PAST, noInvalidDate: true }),
      fc.integer({ min: 1, max: 90 }),
    )
    .map(([payload, since, from, days]) => {
      const out = { ...payload }
      if ('since' in out) out.since = since
      if ('between' in out) out.between = [day(from.getTime()), day(from.getTime() + days * DAY)]
      return out
    })

/** The rules of both event lists: one of `since` and `between`, each a timestamp. */
export function sinceOrBetween(path: string): EndpointRules {
  return {
    path,
    prose: [SINCE_OR_BETWEEN, 'since and between hold timestamps, though the spec gives them no format.'],
    statedIn: ['since', 'between'],
    valid: narrowing(oneGroupOf(['since'], ['between']), asTimestamps),
    checks: [requireOne(SINCE_OR_BETWEEN, ['since'], ['between'])],
    invalid: [
      reshaped('prose: neither since nor between', SINCE_OR_BETWEEN, { remove: ['since', 'between'] }),
    ],
  }
}

export const eventsList = sinceOrBetween('/events/list') satisfies EndpointRules

function day(time: number): string {
  return new Date(time).toISOString().slice(0, 10)
}
