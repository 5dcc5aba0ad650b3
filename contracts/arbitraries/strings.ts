// String arbitraries for the JSON Schema string keywords: format, pattern and length.
import fc from 'fast-check'

import { type JsonSchema, NON_BLANK } from '../json-schema.ts'
import { yieldsSome } from './probe.ts'

/**
 * One code point, any but a lone surrogate. Not fast-check's own `binary` unit: that builds a
 * 1.1-million-entry reverse map the first time a process uses it, about a second per suite worker.
 * The unmapper lets fast-check still spell its "dangerous" strings (`__proto__`, `constructor` …)
 * with this unit.
 */
const SURROGATES = 0x800
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff - SURROGATES }).map(
  (n) => String.fromCodePoint(n < 0xd800 ? n : n + SURROGATES),
  (value) => {
    const point = typeof value === 'string' && [...value].length === 1 ? value.codePointAt(0) : undefined
    if (point === undefined || (point >= 0xd800 && point < 0xe000)) throw new Error('not one code point')
    return point < 0xd800 ? point : point - SURROGATES
  },
)

// Mostly printable ASCII, sometimes any code point: Ajv counts lengths in code points, and each
// unit is exactly one code point, so lengths stay honest.
function freeText(minLength: number, maxLength: number | undefined): fc.Arbitrary<string> {
  const bounds = maxLength === undefined ? { minLength } : { minLength, maxLength }
  const emptyish = ['', ' ', '  '].filter(
    (s) => s.length >= minLength && (maxLength === undefined || s.length <= maxLength),
  )
  return fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: 'grapheme-ascii', ...bounds }) },
    { weight: 3, arbitrary: fc.string({ unit: anyCodePoint, ...bounds }) },
    ...(emptyish.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...emptyish) }] : []),
  )
}

/** RFC 3339 date-times as Seam writes them: `Z` or an offset, with or without fractions. */
export function dateTime(constraints: { min?: Date; max?: Date } = {}): fc.Arbitrary<string> {
  const min = constraints.min ?? new Date('1970-01-01T00:00:00.000Z')
  const max = constraints.max ?? new Date('2099-12-31T23:59:59.999Z')
  return fc
    .tuple(fc.date({ min, max, noInvalidDate: true }), fc.constantFrom('ms', 'seconds', 'micros', 'offset'))
    .map(([date, style]) => formatDateTime(date, style))
}

function formatDateTime(date: Date, style: 'ms' | 'seconds' | 'micros' | 'offset'): string {
  const iso = date.toISOString()
  switch (style) {
    case 'ms':
      return iso
    case 'seconds':
      return `${iso.slice(0, 19)}Z`
    case 'micros':
      return `${iso.slice(0, 23)}606Z`
    case 'offset': {
      // The same instant written in UTC+02:00.
      const shifted = new Date(date.getTime() + 2 * 3600_000).toISOString()
      return `${shifted.slice(0, 23)}+02:00`
    }
  }
}

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))
const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })

/**
 * Version-4 UUIDs (RFC 9562 variant, as strict validators want) from four 32-bit words. Not
 * `fc.uuid()`: its tamper-proof number formatting was a quarter of all request generation.
 */
const uuid = fc.tuple(int32, int32, int32, int32).map((words) => {
  const bytes = words.flatMap((word) => [word >>> 24, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff])
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80
  const hex = bytes.map((byte) => HEX_BYTES[byte] as string)
  return [hex.slice(0, 4), hex.slice(4, 6), hex.slice(6, 8), hex.slice(8, 10), hex.slice(10)]
    .map((group) => group.join(''))
    .join('-')
})

const URL_PATH_CHARACTERS = [...'abcdefghijklmnopqrstuvwxyz0123456789-._~']

/**
 * Web URLs from a domain and a few path segments. Not `fc.webUrl()`: the first one a process
 * builds fills a table of every code point for its percent-encoded segments, nearly two seconds.
 */
const webUrl = fc
  .tuple(
    fc.constantFrom('https', 'http'),
    fc.domain(),
    fc.array(fc.string({ unit: fc.constantFrom(...URL_PATH_CHARACTERS), minLength: 1, maxLength: 10 }), {
      maxLength: 3,
    }),
  )
  .map(
    ([scheme, host, segments]) => `${scheme}://${host}${segments.map((segment) => `/${segment}`).join('')}`,
  )

const FORMATS: Record<string, () => fc.Arbitrary<string>> = {
  uuid: () => uuid,
  'date-time': () => dateTime(),
  date: () =>
    fc
      .date({ noInvalidDate: true, min: new Date('1970-01-01'), max: new Date('2099-12-31') })
      .map((d) => d.toISOString().slice(0, 10)),
  email: () => fc.emailAddress(),
  uri: () => webUrl,
}

/** A string arbitrary honouring format, pattern, enum and length. */
export function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0
  const maxLength = schema.maxLength
  const fits = (s: string): boolean =>
    [...s].length >= minLength && (maxLength === undefined || [...s].length <= maxLength)
  const format = schema.format === undefined ? undefined : FORMATS[schema.format]
  const constrained =
    format !== undefined
      ? format()
      : schema.pattern !== undefined
        ? patternArbitrary(schema.pattern, minLength, maxLength)
        : undefined
  if (constrained === undefined) {
    const text = freeText(minLength, maxLength)
    return schema[NON_BLANK] === true ? text.filter((s) => /^[\x21-\x7e]/.test(s)) : text
  }
  if (minLength === 0 && maxLength === undefined) return constrained
  if (!yieldsSome(constrained, fits)) {
    throw new Error(
      `cannot generate a ${schema.format ?? `/${schema.pattern}/`} string of length ${minLength}–${maxLength ?? '∞'}`,
    )
  }
  return constrained.filter(fits)
}

// `^\d+$` with lengths 4–9 becomes `^\d{4,9}$`, so no value is thrown away by a filter.
function patternArbitrary(pattern: string, minLength: number, maxLength?: number): fc.Arbitrary<string> {
  const repeated = /^\^(\\[dw]|\[[^\]]+\])[+*]\$$/.exec(pattern)
  const source =
    repeated === null
      ? pattern
      : `^${repeated[1]}{${Math.max(minLength, pattern.endsWith('+$') ? 1 : 0)},${maxLength ?? ''}}$`
  return fc.stringMatching(new RegExp(source, 'u'))
}
