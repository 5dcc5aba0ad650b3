// The run's configuration, from the SDK's own environment names (CLI flags mirror them). Pure:
// it reads the record it is given and says in one line what is wrong.
import { ALL_CHECKS } from '../checks/index.ts'
import { unknownIdNotFound } from '../checks/unknown-id-not-found.ts'
import type { AuthSecrets } from '../../contracts/credentials.ts'
import { integerSetting, parseInteger } from '../../contracts/numbers.ts'
import { MOCK_SECRETS } from './mock-secrets.ts'

export type RunConfig = {
  /** `mock`: stateless, any well-formed ID exists. `live`: a real (sandbox) workspace. */
  target: 'mock' | 'live'
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
  /** Runs only this shard's part of the selected operations (`--shard 2/4`); undefined: all of them. */
  shard?: Shard
  /** Live mode only: what a stateful run against a real workspace needs. */
  live?: LiveConfig
}

/** Shard `index` of `count`, counted from 1. */
export type Shard = { index: number; count: number }

export type LiveConfig = {
  /** Run even though the workspace says it is not a sandbox. */
  allowProduction: boolean
  /** The whole run stops sending requests after this long. */
  maxRunMs: number
  /** Where the run's ledger of created resources lives (JSON lines). */
  ledgerPath: string
  /** A user identity to use when the target can neither list nor create one. */
  userIdentityId?: string
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

// Eight in flight keep a loopback mock on two cores busy without queueing (see `npm run bench`).
export const DEFAULTS = { operations: 'all', runs: 100, timeoutMs: 10_000, concurrency: 8 } as const

/**
 * The request deadline against a plain Prism mock: it answers in milliseconds or never (Prism 5.16
 * never answers a body that is not JSON), so each unanswered case costs 2 s, not 10.
 */
export const PRISM_TIMEOUT_MS = 2000

/**
 * The request deadline for the embedded mock, which answers inside the test worker: a request
 * waits only for that worker's CPU, so a deadline there can only be missed on a starved machine
 * (two workers beside other jobs at load 6 missed 10 s), never for a hung target.
 */
export const EMBEDDED_TIMEOUT_MS = 30_000

export function randomSeed(): number {
  return (Math.random() * 2 ** 31) | 0
}

/** A real workspace is someone's: few requests at once, and a bound on the whole run. */
export const LIVE_DEFAULTS = {
  endpoint: 'https://connect.getseam.com',
  concurrency: 2,
  /** Each run of a stateful property is a sequence of real requests. */
  runs: 10,
  maxRunMs: 10 * 60_000,
  ledgerPath: 'reports/live-ledger.jsonl',
} as const

export function resolveConfig(env: Record<string, string | undefined>, randomSeed: () => number): RunConfig {
  const target = env.SEAM_TARGET ?? 'mock'
  if (target !== 'mock' && target !== 'live')
    throw new ConfigError(`SEAM_TARGET must be "mock" or "live", not "${target}"`)
  if (target === 'live') {
    // Fixtures, ledger and clean-up belong to one run per workspace: a live run is never split.
    if (given(env, 'SEAM_SHARD') !== undefined)
      throw new ConfigError('SEAM_SHARD is for mock runs, not live ones')
    return resolveLiveConfig(env, randomSeed)
  }
  const endpoint =
    env.SEAM_ENDPOINT === undefined || env.SEAM_ENDPOINT === '' ? undefined : httpUrl(env.SEAM_ENDPOINT)
  const rules = env.SEAM_MOCK ?? 'seam'
  if (rules !== 'seam' && rules !== 'prism')
    throw new ConfigError(`SEAM_MOCK must be "seam" or "prism", not "${rules}"`)
  return {
    target,
    rules,
    ...(endpoint === undefined ? {} : { endpoint }),
    auth: endpoint === undefined ? embeddedMockAuth(env) : givenAuth(env),
    operations: env.SEAM_OPERATIONS ?? DEFAULTS.operations,
    ...(given(env, 'SEAM_TAGS') === undefined ? {} : { tags: env.SEAM_TAGS as string }),
    ...(given(env, 'SEAM_CHECKS') === undefined ? {} : { checks: mockCheckNames(env.SEAM_CHECKS as string) }),
    runs: positiveInteger('SEAM_RUNS', env.SEAM_RUNS, DEFAULTS.runs),
    seed: env.SEAM_SEED === undefined ? randomSeed() : int32('SEAM_SEED', env.SEAM_SEED),
    timeoutMs: positiveInteger(
      'SEAM_TIMEOUT_MS',
      env.SEAM_TIMEOUT_MS,
      endpoint === undefined
        ? EMBEDDED_TIMEOUT_MS
        : rules === 'prism'
          ? PRISM_TIMEOUT_MS
          : DEFAULTS.timeoutMs,
    ),
    concurrency: positiveInteger('SEAM_CONCURRENCY', env.SEAM_CONCURRENCY, DEFAULTS.concurrency),
    ...(given(env, 'SEAM_SHARD') === undefined ? {} : { shard: shardSetting(env) }),
  }
}

function resolveLiveConfig(env: Record<string, string | undefined>, randomSeed: () => number): RunConfig {
  const given = (name: string) => (env[name] === '' ? undefined : env[name])
  // No defaults here: a live run uses only what it was given.
  const auth = givenAuth(env, { required: false })
  if (auth.apiKey === undefined && auth.personalAccessToken === undefined) {
    throw new ConfigError(
      'live mode needs SEAM_API_KEY, or SEAM_PERSONAL_ACCESS_TOKEN with SEAM_WORKSPACE_ID',
    )
  }
  const userIdentityId = given('SEAM_USER_IDENTITY_ID')
  return {
    target: 'live',
    rules: 'seam',
    endpoint: httpUrl(given('SEAM_ENDPOINT') ?? LIVE_DEFAULTS.endpoint),
    auth,
    operations: env.SEAM_OPERATIONS ?? DEFAULTS.operations,
    ...(given('SEAM_CHECKS') === undefined ? {} : { checks: checkNames(env.SEAM_CHECKS as string) }),
    runs: positiveInteger('SEAM_RUNS', env.SEAM_RUNS, LIVE_DEFAULTS.runs),
    seed: env.SEAM_SEED === undefined ? randomSeed() : int32('SEAM_SEED', env.SEAM_SEED),
    timeoutMs: positiveInteger('SEAM_TIMEOUT_MS', env.SEAM_TIMEOUT_MS, DEFAULTS.timeoutMs),
    concurrency: positiveInteger('SEAM_CONCURRENCY', env.SEAM_CONCURRENCY, LIVE_DEFAULTS.concurrency),
    live: {
      allowProduction: env.SEAM_ALLOW_PRODUCTION === '1' || env.SEAM_ALLOW_PRODUCTION === 'true',
      maxRunMs: positiveInteger('SEAM_MAX_RUN_MS', env.SEAM_MAX_RUN_MS, LIVE_DEFAULTS.maxRunMs),
      ledgerPath: given('SEAM_LEDGER') ?? LIVE_DEFAULTS.ledgerPath,
      ...(userIdentityId === undefined ? {} : { userIdentityId }),
    },
  }
}

/** The embedded mock takes exactly the run's credentials, so every kind has a made-up default there. */
function embeddedMockAuth(env: Record<string, string | undefined>): AuthSecrets {
  const secrets = givenAuth(env, { required: false })
  return {
    primary: secrets.primary,
    apiKey: secrets.apiKey ?? MOCK_SECRETS.apiKey,
    personalAccessToken: secrets.personalAccessToken ?? MOCK_SECRETS.personalAccessToken,
    workspaceId: secrets.workspaceId ?? MOCK_SECRETS.workspaceId,
    clientSessionToken: secrets.clientSessionToken ?? MOCK_SECRETS.clientSessionToken,
    consoleSessionToken: secrets.consoleSessionToken ?? MOCK_SECRETS.consoleSessionToken,
  }
}

/**
 * A server the suite did not start knows none of the mock's made-up credentials: the run holds only
 * what it was given, and the checks that need a kind it lacks are skipped, naming the variable.
 */
function givenAuth(
  env: Record<string, string | undefined>,
  { required }: { required: boolean } = { required: true },
): AuthSecrets {
  const given = (name: string) => (env[name] === '' ? undefined : env[name])
  const token = given('SEAM_PERSONAL_ACCESS_TOKEN')
  const workspaceId = given('SEAM_WORKSPACE_ID')
  if (token !== undefined && workspaceId === undefined) {
    throw new ConfigError(
      'SEAM_PERSONAL_ACCESS_TOKEN needs SEAM_WORKSPACE_ID: a personal access token must come with a seam-workspace header',
    )
  }
  const tokens = {
    apiKey: given('SEAM_API_KEY'),
    personalAccessToken: token,
    clientSessionToken: given('SEAM_CLIENT_SESSION_TOKEN'),
    consoleSessionToken: given('SEAM_CONSOLE_SESSION_TOKEN'),
  }
  if (required && Object.values(tokens).every((value) => value === undefined)) {
    throw new ConfigError(
      'SEAM_ENDPOINT is a server the suite did not start: give it SEAM_API_KEY, or SEAM_PERSONAL_ACCESS_TOKEN with SEAM_WORKSPACE_ID (made-up credentials are for the embedded mock only)',
    )
  }
  const secrets: AuthSecrets = { primary: token === undefined ? 'api_key' : 'personal_access_token' }
  for (const [key, value] of Object.entries({ ...tokens, workspaceId })) {
    if (value !== undefined) secrets[key as Exclude<keyof AuthSecrets, 'primary'>] = value
  }
  return secrets
}

function given(env: Record<string, string | undefined>, name: string): string | undefined {
  return env[name]?.trim() === '' ? undefined : env[name]
}

/**
 * Checks only live mode runs: its never-created-ID suite needs a workspace whose IDs are real. A mock
 * run asked for one alone would check nothing and pass.
 */
const LIVE_ONLY_CHECKS = [unknownIdNotFound.name]

function mockCheckNames(list: string): string[] {
  const names = checkNames(list)
  const liveOnly = names.find((name) => LIVE_ONLY_CHECKS.includes(name))
  if (liveOnly !== undefined)
    throw new ConfigError(`SEAM_CHECKS: ${liveOnly} runs in live mode only (--target live)`)
  return names
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

/** `i/n` with 1 ≤ i ≤ n, and a seed: shards of one run must send what the run would. */
function shardSetting(env: Record<string, string | undefined>): Shard {
  const value = env.SEAM_SHARD as string
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value)
  const [index, count] = [Number(match?.[1]), Number(match?.[2])]
  if (match === null || index < 1 || count < 1 || index > count)
    throw new ConfigError(`SEAM_SHARD must be i/n, shard i of n with 1 ≤ i ≤ n (e.g. 2/4), not "${value}"`)
  if (given(env, 'SEAM_SEED') === undefined)
    throw new ConfigError('SEAM_SHARD needs SEAM_SEED: every shard of a run must use the same seed')
  return { index, count }
}

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  return integerSetting(name, value, fallback, { kind: 'positive', error: ConfigError })
}

function int32(name: string, value: string): number {
  return parseInteger(name, value, { kind: 'int32', error: ConfigError })
}
