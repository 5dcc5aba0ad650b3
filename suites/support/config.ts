// The run's configuration, from the SDK's own environment names (CLI flags mirror them). Pure:
// it reads the record it is given and says in one line what is wrong.
import { ALL_CHECKS } from '../checks/index.ts'
import type { AuthSecrets } from './credentials.ts'

export type RunConfig = {
  target: 'mock'
  /** Which rules the mock keeps: `seam` (the contract mock) or `prism` (plain Prism). */
  rules: 'seam' | 'prism'
  /** Where the server is; undefined means "start the embedded mock". */
  endpoint?: string
  /** The credentials the run holds; `primary` is what ordinary requests use. */
  auth: AuthSecrets
  /** `seed`, `all`, or a comma list of path prefixes / operation ids / method + path prefix. */
  operations: string
  /** Narrows the operations to those carrying one of these tags (comma list). */
  tags?: string
  /** Runs only these checks; undefined: every check. */
  checks?: string[]
  runs: number
  seed: number
  timeoutMs: number
  /** Requests in flight at once. */
  concurrency: number
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Any well-formed credential passes a mock, so mock mode needs no secret of the user's. */
export const MOCK_API_KEY = 'seam_mock_conformance_key'
export const MOCK_PERSONAL_ACCESS_TOKEN = 'seam_at_mock_conformance_token'
export const MOCK_WORKSPACE_ID = '5e4a1f4e-6b1c-4f7e-9d0a-2c3b4a5d6e7f'
export const MOCK_CLIENT_SESSION_TOKEN = 'seam_cst_mock_conformance_token'
/** Console sessions are JWTs; this one only looks like one. */
export const MOCK_CONSOLE_SESSION_TOKEN = 'eyJhbGciOiJub25lIn0.eyJtb2NrIjp0cnVlfQ.'

// Eight in flight keep a loopback mock on two cores busy without queueing (see `npm run bench`).
export const DEFAULTS = { operations: 'all', runs: 100, timeoutMs: 10_000, concurrency: 8 } as const

export function randomSeed(): number {
  return (Math.random() * 2 ** 31) | 0
}

export function resolveConfig(env: Record<string, string | undefined>, randomSeed: () => number): RunConfig {
  const target = env.SEAM_TARGET ?? 'mock'
  if (target === 'live') {
    throw new ConfigError(
      'SEAM_TARGET=live is not available yet: live mode (fixtures, sandbox guard, clean-up) is still to be built',
    )
  }
  if (target !== 'mock') throw new ConfigError(`SEAM_TARGET must be "mock" or "live", not "${target}"`)
  const endpoint =
    env.SEAM_ENDPOINT === undefined || env.SEAM_ENDPOINT === '' ? undefined : httpUrl(env.SEAM_ENDPOINT)
  const rules = env.SEAM_MOCK ?? 'seam'
  if (rules !== 'seam' && rules !== 'prism')
    throw new ConfigError(`SEAM_MOCK must be "seam" or "prism", not "${rules}"`)
  return {
    target,
    rules,
    ...(endpoint === undefined ? {} : { endpoint }),
    auth: auth(env),
    operations: env.SEAM_OPERATIONS ?? DEFAULTS.operations,
    ...(given(env, 'SEAM_TAGS') === undefined ? {} : { tags: env.SEAM_TAGS as string }),
    ...(given(env, 'SEAM_CHECKS') === undefined ? {} : { checks: checkNames(env.SEAM_CHECKS as string) }),
    runs: positiveInteger('SEAM_RUNS', env.SEAM_RUNS, DEFAULTS.runs),
    seed: env.SEAM_SEED === undefined ? randomSeed() : int32('SEAM_SEED', env.SEAM_SEED),
    timeoutMs: positiveInteger('SEAM_TIMEOUT_MS', env.SEAM_TIMEOUT_MS, DEFAULTS.timeoutMs),
    concurrency: positiveInteger('SEAM_CONCURRENCY', env.SEAM_CONCURRENCY, DEFAULTS.concurrency),
  }
}

function auth(env: Record<string, string | undefined>): AuthSecrets {
  const given = (name: string) => (env[name] === '' ? undefined : env[name])
  const token = given('SEAM_PERSONAL_ACCESS_TOKEN')
  const workspaceId = given('SEAM_WORKSPACE_ID')
  if (token !== undefined && workspaceId === undefined) {
    throw new ConfigError(
      'SEAM_PERSONAL_ACCESS_TOKEN needs SEAM_WORKSPACE_ID: a personal access token must come with a seam-workspace header',
    )
  }
  // A mock takes any well-formed credential, so every kind has a default there.
  return {
    primary: token === undefined ? 'api_key' : 'personal_access_token',
    apiKey: given('SEAM_API_KEY') ?? MOCK_API_KEY,
    personalAccessToken: token ?? MOCK_PERSONAL_ACCESS_TOKEN,
    workspaceId: workspaceId ?? MOCK_WORKSPACE_ID,
    clientSessionToken: given('SEAM_CLIENT_SESSION_TOKEN') ?? MOCK_CLIENT_SESSION_TOKEN,
    consoleSessionToken: given('SEAM_CONSOLE_SESSION_TOKEN') ?? MOCK_CONSOLE_SESSION_TOKEN,
  }
}

function given(env: Record<string, string | undefined>, name: string): string | undefined {
  return env[name]?.trim() === '' ? undefined : env[name]
}

function checkNames(list: string): string[] {
  const known = ALL_CHECKS.map((check) => check.name)
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
  const unknown = names.find((name) => !known.includes(name))
  if (unknown !== undefined) {
    throw new ConfigError(`SEAM_CHECKS: no check is named "${unknown}" (checks: ${known.join(', ')})`)
  }
  return names
}

function httpUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigError('SEAM_ENDPOINT is not a URL')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`SEAM_ENDPOINT must be http(s), not "${url.protocol}"`)
  }
  if (url.username !== '' || url.password !== '') {
    throw new ConfigError('SEAM_ENDPOINT must not carry a user name or password: use SEAM_API_KEY')
  }
  return url.toString().replace(/\/$/, '')
}

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1)
    throw new ConfigError(`${name} must be a positive integer, not "${value}"`)
  return number
}

function int32(name: string, value: string): number {
  const number = value.trim() === '' ? Number.NaN : Number(value)
  if (!Number.isInteger(number) || number < -(2 ** 31) || number >= 2 ** 31) {
    throw new ConfigError(`${name} must be a 32-bit integer, not "${value}"`)
  }
  return number
}
