import { describe, expect, it } from 'vitest'

import { resolveConfig } from '../../../suites/support/config.ts'
import { MOCK_SECRETS } from '../../../suites/support/mock-secrets.ts'

const resolve = (env: Record<string, string>) => resolveConfig(env, () => 1234)

describe('resolveConfig', () => {
  it('defaults to the embedded mock, every operation, 100 runs and a random seed', () => {
    expect(resolve({})).toEqual({
      target: 'mock',
      rules: 'seam',
      auth: {
        primary: 'api_key',
        apiKey: MOCK_SECRETS.apiKey,
        personalAccessToken: MOCK_SECRETS.personalAccessToken,
        workspaceId: MOCK_SECRETS.workspaceId,
        clientSessionToken: MOCK_SECRETS.clientSessionToken,
        consoleSessionToken: MOCK_SECRETS.consoleSessionToken,
      },
      operations: 'all',
      runs: 100,
      seed: 1234,
      // The embedded mock answers in the worker: only a starved machine keeps a request waiting.
      timeoutMs: 30_000,
      concurrency: 8,
    })
  })

  it('waits 10 s for a server, 2 s for a plain Prism mock, unless told otherwise', () => {
    const server = { SEAM_ENDPOINT: 'http://127.0.0.1:4610', SEAM_API_KEY: 'seam_test_key' }
    expect(resolve(server).timeoutMs).toBe(10_000)
    expect(resolve({ ...server, SEAM_MOCK: 'prism' }).timeoutMs).toBe(2000)
    expect(resolve({ ...server, SEAM_MOCK: 'prism', SEAM_TIMEOUT_MS: '5000' }).timeoutMs).toBe(5000)
    expect(resolve({ SEAM_TIMEOUT_MS: '5000' }).timeoutMs).toBe(5000)
  })

  it('reads the SDK environment names', () => {
    expect(
      resolve({
        SEAM_ENDPOINT: 'http://127.0.0.1:4010/',
        SEAM_PERSONAL_ACCESS_TOKEN: 'seam_at_1',
        SEAM_WORKSPACE_ID: 'ws_1',
        SEAM_CLIENT_SESSION_TOKEN: 'seam_cst_1',
        SEAM_OPERATIONS: 'seed',
        SEAM_TAGS: '/acs',
        SEAM_CHECKS: 'void_shape, auth_required',
        SEAM_RUNS: '7',
        SEAM_SEED: '-5',
        SEAM_TIMEOUT_MS: '250',
        SEAM_CONCURRENCY: '2',
      }),
    ).toEqual({
      target: 'mock',
      rules: 'seam',
      endpoint: 'http://127.0.0.1:4010',
      // A server the suite did not start: only the credentials given, no made-up ones.
      auth: {
        primary: 'personal_access_token',
        personalAccessToken: 'seam_at_1',
        workspaceId: 'ws_1',
        clientSessionToken: 'seam_cst_1',
      },
      operations: 'seed',
      tags: '/acs',
      checks: ['void_shape', 'auth_required'],
      runs: 7,
      seed: -5,
      timeoutMs: 250,
      concurrency: 2,
    })
  })

  it('gives the embedded mock its made-up credentials only where SEAM_* gives none', () => {
    expect(resolve({ SEAM_CLIENT_SESSION_TOKEN: 'seam_cst_1' }).auth).toEqual({
      ...MOCK_SECRETS,
      clientSessionToken: 'seam_cst_1',
    })
  })

  it('holds only the API key given for a server it did not start', () => {
    expect(resolve({ SEAM_ENDPOINT: 'http://127.0.0.1:4010', SEAM_API_KEY: 'seam_k' }).auth).toEqual({
      primary: 'api_key',
      apiKey: 'seam_k',
    })
  })

  it.each([
    [{ SEAM_ENDPOINT: 'http://127.0.0.1:4010' }],
    [{ SEAM_ENDPOINT: 'http://127.0.0.1:4010', SEAM_WORKSPACE_ID: 'ws_1', SEAM_API_KEY: '' }],
  ])('refuses a server it did not start without a credential: %j', (env) => {
    expect(() => resolve(env)).toThrow(
      'SEAM_ENDPOINT is a server the suite did not start: give it SEAM_API_KEY, or SEAM_PERSONAL_ACCESS_TOKEN with SEAM_WORKSPACE_ID (made-up credentials are for the embedded mock only)',
    )
  })

  it.each([
    [{ SEAM_TARGET: 'staging' }, 'SEAM_TARGET must be "mock" or "live", not "staging"'],
    [
      { SEAM_TARGET: 'live' },
      'live mode needs SEAM_API_KEY, or SEAM_PERSONAL_ACCESS_TOKEN with SEAM_WORKSPACE_ID',
    ],
    [
      { SEAM_TARGET: 'live', SEAM_PERSONAL_ACCESS_TOKEN: 'seam_at_1' },
      'SEAM_PERSONAL_ACCESS_TOKEN needs SEAM_WORKSPACE_ID',
    ],
    [
      { SEAM_TARGET: 'live', SEAM_API_KEY: 'k', SEAM_MAX_RUN_MS: '0' },
      'SEAM_MAX_RUN_MS must be a positive integer',
    ],
    [{ SEAM_ENDPOINT: 'not a url' }, 'SEAM_ENDPOINT is not a URL'],
    [{ SEAM_ENDPOINT: 'http://user:hunter2@h' }, 'SEAM_ENDPOINT must not carry a user name or password'],
    [{ SEAM_SEED: '' }, 'SEAM_SEED must be a 32-bit integer, not ""'],
    [{ SEAM_ENDPOINT: 'ftp://h' }, 'SEAM_ENDPOINT must be http(s), not "ftp:"'],
    [{ SEAM_RUNS: '1.5' }, 'SEAM_RUNS must be a positive integer, not "1.5"'],
    [{ SEAM_SEED: 'abc' }, 'SEAM_SEED must be a 32-bit integer, not "abc"'],
    [{ SEAM_PERSONAL_ACCESS_TOKEN: 'seam_at_1' }, 'SEAM_PERSONAL_ACCESS_TOKEN needs SEAM_WORKSPACE_ID'],
    [
      { SEAM_CHECKS: 'void_shape,voidshape' },
      'SEAM_CHECKS: no check is named "voidshape" (checks: not_a_server_error,',
    ],
    // A mock run of it alone would check nothing, and pass.
    [
      { SEAM_CHECKS: 'unknown_id_not_found' },
      'SEAM_CHECKS: unknown_id_not_found runs in live mode only (--target live)',
    ],
    [
      { SEAM_SHARD: '4/3', SEAM_SEED: '1' },
      'SEAM_SHARD must be i/n, shard i of n with 1 ≤ i ≤ n (e.g. 2/4), not "4/3"',
    ],
    [
      { SEAM_SHARD: 'x', SEAM_SEED: '1' },
      'SEAM_SHARD must be i/n, shard i of n with 1 ≤ i ≤ n (e.g. 2/4), not "x"',
    ],
    [{ SEAM_SHARD: '0/2', SEAM_SEED: '1' }, 'SEAM_SHARD must be i/n'],
    [{ SEAM_SHARD: '1/2' }, 'SEAM_SHARD needs SEAM_SEED: every shard of a run must use the same seed'],
    [
      { SEAM_TARGET: 'live', SEAM_API_KEY: 'k', SEAM_SHARD: '1/2', SEAM_SEED: '1' },
      'SEAM_SHARD is for mock runs, not live ones',
    ],
  ])('refuses %j in one line', (env, message) => {
    expect(() => resolve(env)).toThrow(message)
  })

  it('reads SEAM_SHARD as shard i of n', () => {
    expect(resolve({ SEAM_SHARD: '2/4', SEAM_SEED: '9' }).shard).toEqual({ index: 2, count: 4 })
    expect(resolve({}).shard).toBeUndefined()
  })

  it('live mode: the real endpoint by default, only the credentials given, few requests at once', () => {
    const config = resolve({ SEAM_TARGET: 'live', SEAM_API_KEY: 'seam_live_key' })
    expect(config.endpoint).toBe('https://connect.getseam.com')
    expect(config.auth).toEqual({ primary: 'api_key', apiKey: 'seam_live_key' })
    expect(config.concurrency).toBe(2)
    expect(config.runs).toBe(10)
    expect(config.live).toMatchObject({ allowProduction: false, ledgerPath: 'reports/live-ledger.jsonl' })
    expect(config.checks).toBeUndefined()
  })

  it('live mode: only the checks asked for, the live-only one among them', () => {
    const config = resolve({ SEAM_TARGET: 'live', SEAM_API_KEY: 'k', SEAM_CHECKS: 'unknown_id_not_found' })
    expect(config.checks).toEqual(['unknown_id_not_found'])
  })

  it('live mode: a personal access token with its workspace, production only when allowed', () => {
    const config = resolve({
      SEAM_TARGET: 'live',
      SEAM_PERSONAL_ACCESS_TOKEN: 'seam_at_1',
      SEAM_WORKSPACE_ID: 'w1',
      SEAM_ENDPOINT: 'http://127.0.0.1:9/',
      SEAM_ALLOW_PRODUCTION: '1',
    })
    expect(config.auth).toEqual({
      primary: 'personal_access_token',
      personalAccessToken: 'seam_at_1',
      workspaceId: 'w1',
    })
    expect(config.endpoint).toBe('http://127.0.0.1:9')
    expect(config.live?.allowProduction).toBe(true)
  })
})
