// "ends_at must be a time in the future and after starts_at": the date rules of the endpoints that
// take a validity window, as a narrowing, checks and cases ready to go into a rule file.
import fc from 'fast-check'

import { dateTime } from '../arbitraries/strings.ts'
import { formatAccepts } from '../formats.ts'
import type { Payload } from '../request.ts'
import type { EndpointRules, Narrowing, ProseCase, ProseCheck } from './types.ts'

// "In the future", fixed for a whole calendar year so that a seed replays the same values.
const FUTURE = { min: new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 1)), max: new Date('2099-12-31') }
const PAST = { min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2020-12-31T23:59:59.000Z') }
const HOURS = fc.integer({ min: 1, max: 30 * 24 })

export type TimeWindowOptions = {
  /** The object parameter that holds the window (`access_schedule`), when it is not the payload. */
  at?: string
  /** The start the end must follow, when the request can carry one. */
  starts?: string
  ends: string
  /** The spec gives the fields no `format`, though the descriptions say ISO 8601. */
  iso?: true
}

export type TimeWindow = { prose: string[]; valid: Narrowing; checks: ProseCheck[]; invalid: ProseCase[] }

export function timeWindow(options: TimeWindowOptions): TimeWindow {
  const w = fields(options)
  const { starts, iso } = options
  return {
    prose: [
      `${w.ends}: "Must be a time in the future${starts === undefined ? '' : ` and after ${w.starts}`}."`,
      ...(iso === undefined
        ? []
        : [`${w.both} are ISO 8601 date-times, though the spec gives them no format.`]),
    ],
    valid: futureDates(w),
    checks: [
      ...(iso === undefined ? [] : w.names.map((name) => isoDateTime(w, name))),
      endsInTheFuture(w),
      ...(starts === undefined ? [] : [endsAfterStarts(w, starts)]),
    ],
    invalid: [
      endsInThePast(w),
      ...(starts === undefined ? [] : [endsBeforeStarts(w, starts)]),
      ...(iso === undefined ? [] : [endsNotIso(w)]),
    ],
  }
}

/** The rule file of an endpoint whose only prose rules are its window's, stated where the window is. */
export function timeWindowRules(path: string, options: TimeWindowOptions): EndpointRules {
  const { prose, valid, checks, invalid } = timeWindow(options)
  return { path, prose, statedIn: [options.at ?? options.ends], valid, checks, invalid }
}

/** How a window's dates are named in messages, read from a payload and written into one. */
type Fields = {
  /** The field names, start first. */
  names: string[]
  /** As messages name them: `access_schedule.ends_at`. */
  ends: string
  starts: string
  both: string
  named: (name: string) => string
  read: (parameters: Payload) => Payload | undefined
  write: (parameters: Payload, dates: Payload) => Payload
  options: TimeWindowOptions
}

function fields(options: TimeWindowOptions): Fields {
  const { at, starts, ends } = options
  const named = (name: string) => (at === undefined ? name : `${at}.${name}`)
  const read = (parameters: Payload): Payload | undefined => {
    const held = at === undefined ? parameters : parameters[at]
    return typeof held === 'object' && held !== null && !Array.isArray(held) ? (held as Payload) : undefined
  }
  const names = starts === undefined ? [ends] : [starts, ends]
  return {
    names,
    ends: named(ends),
    starts: named(starts ?? ''),
    both: names.map(named).join(' and '),
    named,
    read,
    write: (parameters, dates) =>
      at === undefined
        ? { ...parameters, ...dates }
        : { ...parameters, [at]: { ...read(parameters), ...dates } },
    options,
  }
}

function isoDateTime(w: Fields, name: string): ProseCheck {
  return (parameters) => {
    const value = w.read(parameters)?.[name]
    return typeof value === 'string' && !formatAccepts('date-time', value)
      ? `${w.named(name)} must be an ISO 8601 date-time`
      : undefined
  }
}

function endsInTheFuture(w: Fields): ProseCheck {
  return (parameters, now) => {
    const end = w.read(parameters)?.[w.options.ends]
    return typeof end === 'string' && Date.parse(end) <= now.getTime()
      ? `${w.ends} must be a time in the future`
      : undefined
  }
}

function endsAfterStarts(w: Fields, starts: string): ProseCheck {
  return (parameters) => {
    const dates = w.read(parameters)
    const [start, end] = [dates?.[starts], dates?.[w.options.ends]]
    if (typeof start !== 'string' || typeof end !== 'string') return undefined
    return Date.parse(end) <= Date.parse(start) ? `${w.ends} must be after ${w.starts}` : undefined
  }
}

/** Only the dates a payload already carries are rewritten: the schema's choice of which to send stands. */
function futureDates(w: Fields): Narrowing {
  const { starts, ends } = w.options
  return (parameters) =>
    fc
      .tuple(parameters, dateTime(FUTURE), dateTime(FUTURE))
      .filter(([, a, b]) => Date.parse(a) !== Date.parse(b))
      .map(([payload, a, b]) => {
        const dates = w.read(payload)
        if (dates === undefined) return payload
        const [earlier, later] = Date.parse(a) < Date.parse(b) ? [a, b] : [b, a]
        const rewritten: Payload = {}
        if (starts !== undefined && starts in dates) rewritten[starts] = earlier
        if (ends in dates && dates[ends] !== null) rewritten[ends] = later
        return w.write(payload, rewritten)
      })
}

/** With a start before the end where the request can carry one, so that only "in the future" breaks. */
function endsInThePast(w: Fields): ProseCase {
  const { starts, ends } = w.options
  return {
    label: `prose: ${w.ends} in the past`,
    breaks: `${w.ends} must be a time in the future`,
    make: (valid) =>
      fc.tuple(valid, dateTime(PAST), HOURS).map(([payload, end, hours]) =>
        w.write(payload, {
          ...(starts === undefined ? {} : { [starts]: shift(end, -hours) }),
          [ends]: end,
        }),
      ),
  }
}

/** Both in the future, so that only "after starts_at" breaks. */
function endsBeforeStarts(w: Fields, starts: string): ProseCase {
  return {
    label: `prose: ${w.ends} before ${w.starts}`,
    breaks: `${w.ends} must be after ${w.starts}`,
    make: (valid) =>
      fc
        .tuple(valid, dateTime(FUTURE), HOURS)
        .map(([payload, end, hours]) =>
          w.write(payload, { [starts]: shift(end, hours), [w.options.ends]: end }),
        ),
  }
}

/** Words no date parser reads, so that neither "in the future" nor "after" can be judged, let alone broken. */
function endsNotIso(w: Fields): ProseCase {
  return {
    label: `prose: ${w.ends} not an ISO 8601 date-time`,
    breaks: `${w.ends} must be an ISO 8601 date-time`,
    make: (valid) =>
      fc
        .tuple(valid, fc.constantFrom('tomorrow', 'next Tuesday', 'soon'))
        .map(([payload, text]) => w.write(payload, { [w.options.ends]: text })),
  }
}

function shift(dateTimeText: string, hours: number): string {
  return new Date(Date.parse(dateTimeText) + hours * 3600_000).toISOString()
}
