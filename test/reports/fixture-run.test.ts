// One conformance pass against a server with a fault on several seed operations, run with
// distinctive credentials, then `npm run report`: the Allure results carry labels and evidence,
// JUnit XML is well formed, no secret reaches any file under the reports directory, and the report
// opens in a real browser: the single file from disk, the site over HTTP.
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

import { XMLParser } from 'fast-xml-parser'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type RunningMock, startMock } from '../../mock/server.ts'
import { randomSeed, resolveConfig } from '../../suites/support/config.ts'
import { secretValues } from '../../contracts/credentials.ts'
import { compositeFault, ONE_FAULT_PER_OPERATION } from '../helpers/fixture-run.ts'
import { runScript } from '../helpers/run-script.ts'
import { serveDirectory } from '../helpers/static-server.ts'

const SECRETS = {
  SEAM_API_KEY: 'seam_distinctive_api_key_4f9a1c',
  SEAM_CLIENT_SESSION_TOKEN: 'seam_cst_distinctive_session_7b2e',
  SEAM_CONSOLE_SESSION_TOKEN: 'eyJhbGciOiJub25lIn0.eyJkaXN0aW5jdGl2ZSI6MX0.ZGlzdGluY3RpdmU',
}
const CHROMIUM = '/usr/bin/chromium'

type Attachment = { name: string; source: string; type: string }
type AllureResult = {
  name: string
  status: string
  labels: Array<{ name: string; value: string }>
  links: Array<{ url: string }>
  attachments: Attachment[]
  /** allure-js records each runtime attachment as a step holding it. */
  steps: Array<{ attachments: Attachment[] }>
  statusDetails: { message?: string }
}

let reports = ''
let mock: RunningMock
let conformanceCode: number | null = null
let results: AllureResult[] = []
let coverage: AllureResult | undefined
let reportOutput = ''

beforeAll(async () => {
  mock = await startMock({ fault: compositeFault, accepted: resolveConfig(SECRETS, randomSeed).auth })
  reports = mkdtempSync(join(tmpdir(), 'fixture-run-'))
  const run = await runScript(
    'scripts/conformance.ts',
    [
      '--endpoint',
      mock.url,
      // The seed endpoints and each faulted operation: a report a person can take in at a glance.
      '--operations',
      ['seed', ...ONE_FAULT_PER_OPERATION.map((fixture) => fixture.operation)].join(','),
      '--runs',
      '10',
      '--seed',
      '7',
      '--reports',
      reports,
    ],
    SECRETS,
  )
  conformanceCode = run.code
  const report = await runScript('scripts/report.ts', ['--reports', reports])
  if (report.code !== 0) throw new Error(`npm run report failed: ${report.stderr}`)
  reportOutput = report.stdout
  const dir = join(reports, 'allure-results')
  const all = readdirSync(dir)
    .filter((name) => name.endsWith('-result.json'))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as AllureResult)
  // One entry is the run's coverage, not a check: the rest are one per check.
  coverage = all.find((result) => result.name === 'Coverage of the run')
  results = all.filter((result) => result !== coverage)
}, 300_000)
afterAll(() => mock.close())

const attachments = (result: AllureResult) => [
  ...result.attachments,
  ...result.steps.flatMap((step) => step.attachments),
]
const label = (result: AllureResult, name: string) => result.labels.find((l) => l.name === name)?.value

describe('Allure results of a failing run', () => {
  it('fail the run, and label every test with resource, operation, check, severity, target, spec, seed and docs', () => {
    expect(conformanceCode).toBe(1)
    expect(results.length).toBeGreaterThan(50)
    for (const result of results) {
      const feature = label(result, 'feature') ?? ''
      expect(feature).toMatch(/^(POST|PUT|DELETE|GET|PATCH) \//)
      expect(feature.split(' ')[1]?.startsWith(`/${label(result, 'epic') ?? '?'}/`)).toBe(true)
      expect(label(result, 'story')).toBe(result.name.split(' · ')[0])
      expect(label(result, 'severity')).toMatch(/^(blocker|critical|normal|minor)$/)
      expect(label(result, 'target')).toBe('mock (seam rules)')
      expect(label(result, 'endpoint')).toBe(new URL(mock.url).host)
      expect(label(result, 'spec_version')).toMatch(/^@seamapi\/types \d+\.\d+\.\d+$/)
      expect(label(result, 'seed')).toBe('7')
      expect(result.links.map((l) => l.url)).toContain(`https://docs.seam.co/latest/api${feature.split(' ')[1]}`)
    }
  })

  it('mark each injected fault failed, with request, response, counterexample, seed and curl attached', () => {
    for (const fixture of ONE_FAULT_PER_OPERATION) {
      const failed = results.find(
        (r) => label(r, 'feature') === fixture.operation && label(r, 'story') === fixture.caughtBy,
      )
      expect(failed?.status, `${fixture.caughtBy} on ${fixture.operation}`).toBe('failed')
      expect((failed === undefined ? [] : attachments(failed)).map((a) => a.name).sort()).toEqual([
        'counterexample (shrunk request)',
        'curl',
        'request',
        'response',
        'seed and path',
      ])
      const curl = (failed === undefined ? [] : attachments(failed)).find((a) => a.name === 'curl')
      const text = readFileSync(join(reports, 'allure-results', curl?.source ?? '?'), 'utf8')
      const path = fixture.operation.split(' ')[1] ?? '?'
      expect(text.startsWith(`curl -X ${fixture.operation.split(' ')[0]} '${mock.url}${path}`)).toBe(true)
      // The credential, where the request had one, is read from the environment.
      expect(text).not.toMatch(/Bearer (?!\$SEAM_)/)
    }
  })

  it('attach an example exchange to a fixed sample of passes, and nothing to the rest', () => {
    const passed = results.filter((r) => r.status === 'passed')
    const sampled = passed.filter((r) => attachments(r).length > 0)
    expect(sampled.length).toBeGreaterThan(0)
    expect(sampled.length).toBeLessThan(passed.length / 3)
    for (const result of sampled)
      expect(attachments(result).map((a) => a.name).sort()).toEqual(['curl', 'request', 'response'])
  })

  it('write environment and executor for the run, and label each verdict for the categories', () => {
    const dir = join(reports, 'allure-results')
    const failed = results.filter((r) => r.status === 'failed')
    expect(failed.length).toBeGreaterThan(0)
    for (const result of failed)
      expect(result.labels).toContainEqual({ name: '_outcome', value: 'violation' })
    const environment = readFileSync(join(dir, 'environment.properties'), 'utf8')
    expect(environment).toContain(`endpoint = ${mock.url}\n`)
    expect(environment).toContain('seed = 7\n')
    expect(JSON.parse(readFileSync(join(dir, 'executor.json'), 'utf8'))).toMatchObject({ type: 'local' })
  })
})

describe('npm run report', () => {
  it('builds the report as one file and as a site, and keeps the run in the history', () => {
    expect(existsSync(join(reports, 'allure-report.html'))).toBe(true)
    expect(existsSync(join(reports, 'allure-report', 'index.html'))).toBe(true)
    // Only the two: Allure's build folder is moved away, not left behind.
    expect(readdirSync(reports).filter((name) => name.includes('allure')).sort()).toEqual([
      'allure-report',
      'allure-report.html',
      'allure-results',
    ])
    const history = readFileSync(join(reports, 'history', 'history.jsonl'), 'utf8').trim().split('\n')
    expect(history).toHaveLength(1)
  })

  it("loads nothing from the web: Allure's analytics are taken out of both", () => {
    for (const file of [join(reports, 'allure-report.html'), join(reports, 'allure-report', 'index.html')])
      expect(readFileSync(file, 'utf8')).not.toContain('googletagmanager')
  })

  it('says where the single file is and how to open it, and what the site is for', () => {
    const file = join(reports, 'allure-report.html')
    // Outside the working directory (a temporary folder): the path itself, not ../../tmp/….
    expect(reportOutput).toContain(`report: ${file}\n`)
    expect(reportOutput).toContain(`open it in a browser from disk, e.g. ${pathToFileURL(file).href}\n`)
    expect(reportOutput).toContain(`site:   ${join(reports, 'allure-report', 'index.html')}\n`)
    // `npm run report:open` serves reports/ only.
    expect(reportOutput).toContain(`serve it (npx allure open ${join(reports, 'allure-report')})`)
  })
})

describe('the coverage entry', () => {
  it('holds the coverage table of the run, with coverage.json attached', () => {
    expect(coverage?.status).toBe('passed')
    expect(coverage?.attachments.map((a) => a.name)).toEqual(['coverage.txt', 'coverage.json'])
    const json = coverage?.attachments.find((a) => a.name === 'coverage.json')
    const report = JSON.parse(readFileSync(join(reports, 'allure-results', json?.source ?? '?'), 'utf8')) as {
      totals: { operations: { selected: number } }
    }
    expect(report.totals.operations.selected).toBe(new Set(results.map((r) => label(r, 'feature'))).size)
  })
})

describe('reports/junit.xml', () => {
  it('is a JUnit document: testsuites of testcases, one per check, failures with their message', () => {
    const xml = readFileSync(join(reports, 'junit.xml'), 'utf8')
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'failure', 'skipped'].includes(name) })
    type Case = { name: string; classname: string; failure?: Array<{ message: string }> }
    const document = parser.parse(xml, true) as {
      testsuites: { tests: string; failures: string; testsuite: Array<{ name: string; tests: string; testcase: Case[] }> }
    }
    const cases = document.testsuites.testsuite.flatMap((suite) => suite.testcase)
    expect(Number(document.testsuites.tests)).toBe(cases.length)
    expect(cases.length).toBe(results.length)
    const failed = cases.filter((c) => c.failure !== undefined)
    expect(Number(document.testsuites.failures)).toBe(failed.length)
    for (const fixture of ONE_FAULT_PER_OPERATION) {
      expect(failed.some((c) => c.classname.includes(fixture.operation) || c.name.includes(fixture.operation))).toBe(true)
    }
  })
})

describe('secrets', () => {
  it('appear in no file under the reports directory', () => {
    const secrets = secretValues(resolveConfig(SECRETS, randomSeed).auth)
    expect(secrets).toEqual(expect.arrayContaining(Object.values(SECRETS)))
    const files = walk(reports)
    expect(files.length).toBeGreaterThan(100)
    for (const file of files) {
      const text = readFileSync(file, 'latin1')
      for (const secret of secrets) expect(text.includes(secret), `${secret} in ${file}`).toBe(false)
    }
  })
})

function walk(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

describe.skipIf(!existsSync(CHROMIUM))(`the report in headless Chromium (${CHROMIUM}; skipped when absent)`, () => {
  it('opens from disk as one file: the results, a failure with its evidence, and the coverage entry', async () => {
    const file = join(reports, 'allure-report.html')
    expect(existsSync(file)).toBe(true)
    await inChromium(async (page) => {
      // Everything is in the file: nothing else on disk is asked for (file:// would refuse it anyway).
      const url = pathToFileURL(file).href
      const otherFiles: string[] = []
      page.on('request', (request) => {
        if (request.url().startsWith('file:') && request.url().split('#')[0] !== url) otherFiles.push(request.url())
      })
      await page.goto(url)
      await showsTheRun(page, { screenshots: true })
      expect(otherFiles).toEqual([])
    })
  }, 180_000)

  it('is also a site for publishing, with the same content when served', async () => {
    const site = await serveDirectory(join(reports, 'allure-report'))
    try {
      await inChromium(async (page) => {
        await page.goto(site.url)
        await showsTheRun(page, { screenshots: false })
      })
    } finally {
      await site.close()
    }
  }, 180_000)
})

/** A fresh headless Chromium, with a profile directory of its own: nothing from an earlier run. */
async function inChromium(use: (page: Page) => Promise<void>): Promise<void> {
  const { chromium } = await import('playwright-core')
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'))
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  // Offline, as a test must be: only the file itself and the loopback server answer, and the
  // report asks for nothing else (Allure's analytics script is taken out when it is built).
  const web: string[] = []
  await browser.route(
    (url) => url.protocol !== 'file:' && url.protocol !== 'data:' && url.hostname !== '127.0.0.1',
    (route) => {
      web.push(route.request().url())
      return route.abort()
    },
  )
  try {
    await use(await browser.newPage())
  } finally {
    await browser.close()
  }
  expect(web).toEqual([])
}

/** The seed operations under their resources, the void_shape failure with its evidence, and the coverage entry. */
async function showsTheRun(page: Page, { screenshots }: { screenshots: boolean }): Promise<void> {
  // The first paint decodes the whole report: slow on a loaded machine.
  await page.getByText('access_grants', { exact: true }).first().waitFor({ timeout: 90_000 })
  for (const resource of ['access_grants', 'acs/entrances', 'user_identities'])
    await page.getByText(resource, { exact: true }).first().waitFor()
  for (const operation of new Set(ONE_FAULT_PER_OPERATION.map((f) => f.operation)))
    await page.getByText(operation, { exact: true }).first().waitFor()
  if (screenshots) {
    await mkdir('reports', { recursive: true })
    await page.screenshot({ path: 'reports/allure-report-overview.png' })
  }
  // One injected fault: its test page, its category, and its evidence.
  const fault = ONE_FAULT_PER_OPERATION.find((f) => f.caughtBy === 'void_shape')
  if (fault === undefined) throw new Error('no void_shape fixture')
  // A tree section's title row sits inside the element that holds its leaves.
  const operationSection = page
    .getByTestId('tree-section')
    .filter({ has: page.getByText(fault.operation, { exact: true }) })
    .locator('xpath=..')
  const failedTest = operationSection
    .getByTestId('tree-leaf')
    .filter({ hasText: fault.caughtBy })
    .filter({ has: page.getByTestId('tree-leaf-status-failed') })
  await failedTest.first().click()
  await page.getByText(`${fault.caughtBy}: ${fault.operation}`).first().waitFor()
  await page.getByText('Category: Contract violation').waitFor()
  for (const name of ['request', 'response', 'curl', 'counterexample (shrunk request)', 'seed and path'])
    await page.getByText(name, { exact: true }).first().waitFor()
  await page.getByText('curl', { exact: true }).first().click()
  await page.getByText(/curl -X POST .*Bearer \$SEAM_API_KEY/).first().waitFor()
  if (screenshots) await page.screenshot({ path: 'reports/allure-report.png' })
  // The run's coverage: its own entry (epic coverage), the table and coverage.json attached.
  await page.getByTestId('tree-section').getByText('coverage', { exact: true }).click()
  await page.getByTestId('tree-section').getByText('coverage of the run', { exact: true }).click()
  await page.getByTestId('tree-leaf').filter({ hasText: 'Coverage of the run' }).click()
  // The description (the coverage table) is rendered in a frame of its own.
  await page
    .getByTestId('test-result-description-frame')
    .contentFrame()
    .getByText(/\d+ \/ \d+ \(\d+ %\) documented codes answered/)
    .waitFor()
  for (const name of ['coverage.txt', 'coverage.json']) await page.getByText(name, { exact: true }).first().waitFor()
}
