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

/**
 * Where requests reach for the edges: long strings up to `longest` characters (from a few hundred
 * up), and strings exactly as long as their schema's `minLength` or `maxLength`. `unicode`: long
 * strings are sometimes made of any code point, not only printable ASCII (a body; a query string
 * keeps to ASCII, so that its percent-encoded URL stays within what servers take).
 */
export type TextEdges = { longest: number; unicode: boolean }

/** The fewest characters a long string has. */
export const LONG_TEXT = 256

// Mostly printable ASCII, sometimes any code point: Ajv counts lengths in code points, and each
// unit is exactly one code point, so lengths stay honest. A failing case first tries a short ASCII
// string in place of an exotic or long one (`withCrossShrink`).
function freeText(minLength: number, maxLength: number | undefined, edges?: TextEdges): fc.Arbitrary<string> {
  const bounds = maxLength === undefined ? { minLength } : { minLength, maxLength }
  const emptyish = ['', ' ', '  '].filter(
    (s) => s.length >= minLength && (maxLength === undefined || s.length <= maxLength),
  )
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 6, arbitrary: fc.string({ unit: 'grapheme-ascii', ...bounds }) },
    { weight: 3, arbitrary: fc.string({ unit: anyCodePoint, ...bounds }) },
    ...(emptyish.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...emptyish) }] : []),
    ...(edges === undefined ? [] : edgeTexts(minLength, maxLength, edges)),
  )
}

/** Long strings and strings of exactly a bound's length, each where the schema allows them. */
function edgeTexts(
  minLength: number,
  maxLength: number | undefined,
  edges: TextEdges,
): fc.WeightedArbitrary<string>[] {
  const texts: fc.WeightedArbitrary<string>[] = []
  const [fewest, most] = [Math.max(minLength, LONG_TEXT), Math.min(maxLength ?? Infinity, edges.longest)]
  if (fewest <= most)
    texts.push({ weight: 1, arbitrary: repeated(fc.integer({ min: fewest, max: most }), edges) })
  const boundaries = [...new Set([minLength, maxLength ?? 0])].filter((n) => n > 1 && n <= edges.longest)
  if (boundaries.length > 0) {
    texts.push({ weight: 1, arbitrary: repeated(fc.constantFrom(...boundaries), edges) })
  }
  return texts
}

const asciiMotif = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 })
const anyMotif = fc.oneof(
  { weight: 3, arbitrary: asciiMotif },
  fc.string({ unit: anyCodePoint, minLength: 1, maxLength: 8 }),
)

/**
 * A short motif repeated to a length in code points. Cheaper to make than as many random
 * characters, and it shrinks by its length (an integer) first: a failure that needs a long string
 * is reported with about the shortest that still fails.
 */
function repeated(lengths: fc.Arbitrary<number>, edges: TextEdges): fc.Arbitrary<string> {
  return fc.tuple(lengths, edges.unicode ? anyMotif : asciiMotif).map(([length, motif]) => {
    const points = [...motif]
    return motif.repeat(Math.floor(length / points.length)) + points.slice(0, length % points.length).join('')
  })
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
const uuid = fc.tuple(int32, int32, int32, int32).map(([a, b, c, d]) => {
  const hex = (byte: number) => HEX_BYTES[byte & 0xff] as string
  const word = (w: number) => hex(w >>> 24) + hex(w >>> 16) + hex(w >>> 8) + hex(w)
  // Bytes 6 and 8 carry the version (4) and the variant (10xx).
  const version = hex(((b >>> 8) & 0x0f) | 0x40) + hex(b)
  const variant = hex(((c >>> 24) & 0x3f) | 0x80) + hex(c >>> 16)
  return `${word(a)}-${hex(b >>> 24)}${hex(b >>> 16)}-${version}-${variant}-${hex(c >>> 8)}${hex(c)}${word(d)}`
})

// Built once, when first asked for: each `fc.emailAddress()` builds its tables afresh.
let email: fc.Arbitrary<string> | undefined

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
  email: () => (email ??= fc.emailAddress()),
  uri: () => webUrl,
}

/** A string arbitrary honouring format, pattern, enum and length; with `edges`, reaching for them. */
export function stringArbitrary(schema: JsonSchema, edges?: TextEdges): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0
  const maxLength = schema.maxLength
  const fits = (s: string): boolean =>
    [...s].length >= minLength && (maxLength === undefined || [...s].length <= maxLength)
  const format = schema.format === undefined ? undefined : FORMATS[schema.format]
  const constrained =
    format !== undefined
      ? format()
      : schema.pattern !== undefined
        ? patternArbitrary(schema.pattern, minLength, maxLength, edges)
        : undefined
  if (constrained === undefined) {
    const text = freeText(minLength, maxLength, edges)
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

// `^\d+$` with lengths 4–9 becomes `^\d{4,9}$`, so no value is thrown away by a filter. With
// `edges`, such a pattern also gives strings exactly 4 and 9 long, and long ones where it allows.
function patternArbitrary(
  pattern: string,
  minLength: number,
  maxLength?: number,
  edges?: TextEdges,
): fc.Arbitrary<string> {
  const oneUnit = /^\^(\\[dw]|\[[^\]]+\])[+*]\$$/.exec(pattern)
  if (oneUnit === null) return fc.stringMatching(new RegExp(pattern, 'u'))
  const unit = oneUnit[1] as string
  const fewest = Math.max(minLength, pattern.endsWith('+$') ? 1 : 0)
  const matching = (from: number, to: number | undefined) =>
    fc.stringMatching(new RegExp(`^${unit}{${from},${to ?? ''}}$`, 'u'))
  const values = matching(fewest, maxLength)
  if (edges === undefined) return values
  const most = Math.min(maxLength ?? Infinity, edges.longest)
  const boundaries = [...new Set([fewest, maxLength ?? 0])].filter((n) => n > 1 && n <= edges.longest)
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 8, arbitrary: values },
    ...boundaries.map((n) => ({ weight: 1, arbitrary: matching(n, n) })),
    ...(Math.max(fewest, LONG_TEXT) <= most
      ? [{ weight: 1, arbitrary: matching(Math.max(fewest, LONG_TEXT), most) }]
      : []),
  )
}
