// `npm run conformance` as a user meets it: one-line errors for bad input, and a failing run that
// says which check broke, how to replay it, and never prints the key.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type Fault, type RunningMock, startMock } from '../../mock/server.ts'
import { FAULTS } from '../fixtures/faults.ts'
import { MOCK_SECRETS } from '../helpers/conformance.ts'
import { runScript } from '../helpers/run-script.ts'

const SECRET = 'seam_secret_never_printed_0123456789'

/** Every kind of credential the mock takes: the run against it holds them all. */
const MOCK_ENV = {
  SEAM_API_KEY: MOCK_SECRETS.apiKey,
  SEAM_PERSONAL_ACCESS_TOKEN: MOCK_SECRETS.personalAccessToken,
  SEAM_WORKSPACE_ID: MOCK_SECRETS.workspaceId,
  SEAM_CLIENT_SESSION_TOKEN: MOCK_SECRETS.clientSessionToken,
  SEAM_CONSOLE_SESSION_TOKEN: MOCK_SECRETS.consoleSessionToken,
}

const conformance = (args: string[], env: Record<string, string> = {}) =>
  runScript('scripts/conformance.ts', args, env)

describe('conformance, given bad input', () => {
  const key = { SEAM_API_KEY: SECRET }
  it.each([
    [['--bogus'], {}, "conformance: Unknown option '--bogus'"],
    // Node's message goes on over two lines, the second saying how: both, on one.
    [
      ['--seed', '-1'],
      {},
      "argument is ambiguous. Did you forget to specify the option argument for '--seed'?",
    ],
    [['--runs', '0'], {}, 'conformance: --runs must be a positive integer, not "0"'],
    [['--target', 'prod'], {}, 'conformance: --target must be "mock" or "live", not "prod"'],
    [['--workers', '0'], {}, 'conformance: --workers must be a positive integer, not "0"'],
    [['--target', 'live', '--workers', '2'], key, 'conformance: --workers is for mock runs, not live ones'],
    [['--mock', 'wiremock'], {}, 'conformance: --mock must be "seam" or "prism", not "wiremock"'],
    [['--shard', '4/3', '--seed', '1'], {}, 'conformance: --shard must be i/n, shard i of n with 1 ≤ i ≤ n'],
    [['--shard', 'x', '--seed', '1'], {}, 'conformance: --shard must be i/n, shard i of n with 1 ≤ i ≤ n'],
    [
      ['--shard', '1/2'],
      {},
      'conformance: --shard needs SEAM_SEED: every shard of a run must use the same seed',
    ],
    [
      ['--operations', '/no_such_path'],
      {},
      'conformance: operation filter "/no_such_path" matches no operation',
    ],
    [['--endpoint', 'http://127.0.0.1:9'], key, 'conformance: cannot reach http://127.0.0.1:9: ECONNREFUSED'],
    // A server the suite did not start never gets a made-up key.
    [
      ['--endpoint', 'http://127.0.0.1:9'],
      {},
      'conformance: --endpoint is a server the suite did not start: give it SEAM_API_KEY, or SEAM_PERSONAL_ACCESS_TOKEN with SEAM_WORKSPACE_ID',
    ],
  ])('%j %j exits 2 with one line', async (args, env, message) => {
    const { code, stderr, stdout } = await conformance(args, env)
    expect(code).toBe(2)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toContain(message)
    expect(stdout).toBe('')
  })
})

describe('conformance against a server that answers {} for grant_access_to_device', () => {
  let url = ''
  let close = async () => {}
  beforeAll(async () => {
    const fixture = FAULTS.find((f) => f.operation === 'POST /user_identities/grant_access_to_device')
    if (fixture === undefined) throw new Error('the {} fault fixture is missing')
    ;({ url, close } = await startMock({ fault: fixture.fault }))
  })
  afterAll(() => close())

  it('exits 1 with a void_shape failure, its replay line and a curl command, and no secret', async () => {
    const reports = mkdtempSync(join(tmpdir(), 'conformance-'))
    const args = [
      '--endpoint',
      url,
      '--operations',
      '/user_identities/grant_access_to_device',
      '--runs',
      '25',
      '--seed',
      '5',
    ]
    const { code, stdout, stderr } = await conformance([...args, '--reports', reports], {
      SEAM_API_KEY: SECRET,
    })
    const output = stdout + stderr
    expect(code).toBe(1)
    expect(output).toContain('void_shape: POST /user_identities/grant_access_to_device')
    expect(output).toContain(
      `Replay: npm run conformance -- --seed 5 --operations 'POST /user_identities/grant_access_to_device' --checks void_shape --runs 25 --endpoint '${url}'`,
    )
    expect(output).toMatch(
      /curl -X POST '.*\/user_identities\/grant_access_to_device' -H "Authorization: Bearer \$SEAM_API_KEY"/,
    )
    expect(output).toContain('✗ void_shape  POST /user_identities/grant_access_to_device')
    expect(output).not.toContain(SECRET)
    expect(readdirSync(reports).sort()).toEqual([
      'allure-results',
      'coverage.json',
      'junit.xml',
      'operation-costs.json',
      'summary.json',
      'summary.txt',
    ])
    for (const file of readdirSync(reports, { recursive: true, withFileTypes: true }).filter((f) =>
      f.isFile(),
    ))
      expect(readFileSync(join(file.parentPath, file.name), 'utf8')).not.toContain(SECRET)
  })

  it('on GitHub Actions, also annotates the failure, and leaves the job summary to the workflow', async () => {
    const reports = mkdtempSync(join(tmpdir(), 'conformance-'))
    const summary = join(reports, 'step-summary.md')
    const { code, stdout } = await conformance(
      [
        ...['--endpoint', url, '--operations', 'POST /user_identities/grant_access_to_device'],
        ...['--runs', '5', '--reports', reports],
      ],
      { SEAM_API_KEY: SECRET, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    )
    expect(code).toBe(1)
    const annotations = stdout.split('\n').filter((line) => line.startsWith('::error '))
    // One line each: the test as its title, the whole report (newlines escaped) as its message.
    expect(annotations).toContainEqual(
      expect.stringMatching(
        /^::error file=suites\/positive\.suite\.ts,title=\[conformance\] POST \/user_identities\/grant_access_to_device > void_shape::void_shape: POST \/user_identities\/grant_access_to_device%0A.*%0AReplay: npm run conformance -- /,
      ),
    )
    expect(stdout).not.toContain(SECRET)
    expect(existsSync(summary)).toBe(false)
  })
})

describe('conformance against a server with a fault on each of several operations', () => {
  // The first fixture of each operation, composed: each acts on its own operation only.
  const fixtures = FAULTS.filter((f, i) => FAULTS.findIndex((other) => other.operation === f.operation) === i)
  const composite: Fault = (context) =>
    fixtures.reduce((response, fixture) => fixture.fault({ ...context, response }), context.response)
  let mock: RunningMock
  beforeAll(async () => {
    mock = await startMock({ fault: composite, accepted: MOCK_SECRETS })
  })
  afterAll(() => mock.close())

  it('fails every one of them, each with its check, through the real suites', async () => {
    const reports = mkdtempSync(join(tmpdir(), 'conformance-'))
    const { code, stdout } = await conformance(
      [
        '--endpoint',
        mock.url,
        '--operations',
        fixtures.map((fixture) => fixture.operation).join(','),
        '--runs',
        '30',
        '--seed',
        '7',
        '--reports',
        reports,
      ],
      MOCK_ENV,
    )
    expect(code).toBe(1)
    const failures = stdout.split('Failures, worst first:')[1] ?? ''
    for (const fixture of fixtures) expect(failures).toContain(`✗ ${fixture.caughtBy}  ${fixture.operation}`)
  })
})

describe('conformance against a correct server given only an API key and a personal access token', () => {
  // A server the suite did not start: it knows its own client and console sessions, which the run
  // was not given (the case: made-up ones got 8 auth_accepted false alarms).
  const given = {
    SEAM_API_KEY: 'seam_given_api_key_8d1f',
    SEAM_PERSONAL_ACCESS_TOKEN: 'seam_at_given_token_2c7a',
    SEAM_WORKSPACE_ID: '0c1b2a39-4d5e-4f60-8a7b-9c8d7e6f5a4b',
  }
  let mock: RunningMock
  beforeAll(async () => {
    mock = await startMock({
      accepted: {
        apiKey: given.SEAM_API_KEY,
        personalAccessToken: given.SEAM_PERSONAL_ACCESS_TOKEN,
        workspaceId: given.SEAM_WORKSPACE_ID,
        clientSessionToken: 'seam_cst_only_the_server_knows',
        consoleSessionToken: 'eyJhbGciOiJub25lIn0.eyJzZXJ2ZXIiOjF9.c2VydmVy',
      },
    })
  })
  afterAll(() => mock.close())

  it('passes, skips what needs the sessions it was not given, and says which kinds it held', async () => {
    const reports = mkdtempSync(join(tmpdir(), 'conformance-'))
    const args = ['--endpoint', mock.url, '--seed-endpoints', '--runs', '5', '--seed', '3']
    const { code, stdout, stderr } = await conformance([...args, '--reports', reports], given)
    expect(stdout).not.toContain('Failures, worst first:')
    expect(stdout).toContain(
      'credentials held: API key, personal access token + workspace · not held: client session (no SEAM_CLIENT_SESSION_TOKEN), console session + workspace (no SEAM_CONSOLE_SESSION_TOKEN)',
    )
    const skipped = stdout.split('Skipped:')[1]?.split('\n\n')[0] ?? ''
    expect(skipped).toMatch(/\d+× auth_accepted: no SEAM_CONSOLE_SESSION_TOKEN given/)
    expect(skipped).toMatch(/\d+× auth_accepted: no SEAM_CLIENT_SESSION_TOKEN given/)
    expect(code, stderr).toBe(0)
    expect(readFileSync(join(reports, 'summary.txt'), 'utf8')).toContain('credentials held: API key')
  })
})

describe('conformance on a selection large enough to run in parts', () => {
  // Two runs of one seed on the embedded mock, in two parts and in one: the same report.
  const run = async (workers: string) => {
    const reports = mkdtempSync(join(tmpdir(), 'conformance-parts-'))
    const args = ['--operations', '/acs', '--runs', '3', '--seed', '7', '--workers', workers]
    const { code, stdout, stderr } = await conformance([...args, '--reports', reports])
    expect(code, stderr).toBe(0)
    const file = (name: string) => readFileSync(join(reports, name), 'utf8').replace(/:\d{4,5}\b/g, ':PORT')
    const junit = file('junit.xml')
    const allure = readdirSync(join(reports, 'allure-results')).filter((name) =>
      name.endsWith('-result.json'),
    )
    const endpoints = new Set(
      allure.flatMap((name) => {
        const result = JSON.parse(readFileSync(join(reports, 'allure-results', name), 'utf8')) as {
          labels: { name: string; value: string }[]
        }
        // The run's coverage result has no endpoint label.
        return result.labels.filter((label) => label.name === 'endpoint').map((label) => label.value)
      }),
    )
    return {
      stdout,
      summary: file('summary.txt'),
      coverage: file('coverage.json'),
      suites: [...junit.matchAll(/<testsuite name="([^"]*)"/g)].map((match) => match[1]),
      cases: [...junit.matchAll(/<testcase [^>]*>/g)]
        .map((match) => match[0].replace(/ time="[^"]*"/, ''))
        .sort(),
      allure: allure.length,
      endpoints,
    }
  }

  it('runs each part as a project of its own and reports them as one run', async () => {
    const [inParts, inOne] = [await run('2'), await run('1')]
    expect(inParts.stdout).toContain('conformance 1/2')
    expect(inParts.stdout).toContain('conformance 2/2')
    expect(inOne.stdout).not.toContain('conformance 1/2')
    expect(inParts.summary).toContain('target mock (seam rules) at http://127.0.0.1:PORT (embedded)')
    expect(inParts.summary).toBe(inOne.summary)
    expect(inParts.coverage).toBe(inOne.coverage)
    // One testsuite per suite file, as in one part, holding the same testcases.
    expect(inParts.suites).toEqual([
      'suites/auth.suite.ts',
      'suites/negative.suite.ts',
      'suites/positive.suite.ts',
    ])
    expect(inParts.suites).toEqual(inOne.suites)
    expect(inParts.cases).toEqual(inOne.cases)
    expect(inParts.allure).toBe(inOne.allure)
    // The parts share the run's one mock: one URL in every result, as the replay lines need.
    expect(inParts.endpoints.size).toBe(1)
  })
})
