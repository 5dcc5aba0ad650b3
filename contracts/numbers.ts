// Integers a person typed (an environment variable, a command-line flag): decimal digits with an
// optional sign, within the kind's range, or one line naming the setting and what it must be.

const KINDS = {
  integer: { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER, what: 'an integer' },
  positive: { min: 1, max: Number.MAX_SAFE_INTEGER, what: 'a positive integer' },
  int32: { min: -(2 ** 31), max: 2 ** 31 - 1, what: 'a 32-bit integer' },
} as const

export type IntegerKind = keyof typeof KINDS

export type IntegerOptions = {
  kind?: IntegerKind
  /** The error to throw (the caller's own: a configuration or a usage error); default RangeError. */
  error?: new (message: string) => Error
}

/** `value` as an integer of its kind; anything else throws `<name> must be <kind>, not "<value>"`. */
export function parseInteger(name: string, value: string, options: IntegerOptions = {}): number {
  const { min, max, what } = KINDS[options.kind ?? 'integer']
  const number = /^[-+]?\d+$/.test(value.trim()) ? Number(value) : Number.NaN
  if (!(number >= min && number <= max)) {
    const Failure = options.error ?? RangeError
    throw new Failure(`${name} must be ${what}, not "${value}"`)
  }
  return number
}

/** An integer setting that may be left out: unset or empty is the fallback. */
export function integerSetting(
  name: string,
  value: string | undefined,
  fallback: number,
  options: IntegerOptions = {},
): number {
  return value === undefined || value === '' ? fallback : parseInteger(name, value, options)
}
