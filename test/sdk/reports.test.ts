// The gate's results where people look: JUnit (a testcase per operation and check, failures with
// their replayable report) and Allure results beside the conformance run's, with the same labels,
// replacing only the gate's own earlier results. No secret reaches either.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'

import { secretValues } from '../../contracts/credentials.ts'
import { loadSpec } from '../../contracts/spec.ts'
import { writeGateAllure } from '../../suites/sdk/allure.ts'
import { compareWithBaseline } from '../../suites/sdk/baseline.ts'
import { GATE_SECRETS, type GateResult, runSdkGate } from '../../suites/sdk/gate.ts'
import { gateJunit, type GateReportInput } from '../../suites/sdk/junit.ts'
import { loadSdk } from '../../suites/sdk/load-sdk.ts'
import {
  isSdkGateResult,
  keepOnlyResults,
  keepOnlyResultsAside,
} from '../../suites/support/allure/results-dir.ts'
import { BROKEN_SDKS, DROPS_METHOD } from '../fixtures/sdk-faults.ts'
import { runScript } from '../helpers/run-script.ts'

type Label = { name: string; value: string }
type Attachment = { name: string; source: string }
type AllureResult = {
  name: string
  fullName: string
  status: string
  labels: Label[]
  attachments: Attachment[]
  steps: Array<{ name: string; status: string; attachments: Attachment[]; start: number; stop: number }>
  statusDetails: { message?: string }
}
type Testcase = {
  classname: string
  name: string
  failure?: { message: string; type: string; '#text'?: string }
  error?: unknown
  skipped?: unknown
}

const WRAPPED = BROKEN_SDKS[0] as (typeof BROKEN_SDKS)[number]
const OPERATIONS = 'POST /access_grants/create,PUT /user_identities/grant_access_to_device'
let input: GateReportInput
let result: GateResult

beforeAll(async () => {
  const spec = await loadSpec()
  const pinned = await loadSdk()
  // An SDK that returns the wrapped object of access_grants/create, and lost that method too.
  const broken = WRAPPED.sdk(pinned)
  result = await runSdkGate({ sdk: broken, spec, seed: 7, runs: 2, operations: OPERATIONS })
  input = {
    result,
    settings: { seed: 7, runs: 2, defaultRuns: 3 },
    comparison: compareWithBaseline(pinned, DROPS_METHOD.sdk(pinned), spec),
    secrets: secretValues(GATE_SECRETS),
    startedAt: new Date('2026-01-02T03:04:05Z'),
    durationMs: 1234,
  }
}, 120_000)

const label = (result: AllureResult, name: string) => result.labels.find((l) => l.name === name)?.value

function testcases(xml: string): Testcase[] {
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as {
    testsuites: { testsuite: { testcase: Testcase[] } }
  }
  return parsed.testsuites.testsuite.testcase
}

describe('gateJunit', () => {
  it('has a testcase per operation and check, failing the broken one with its report and type', () => {
    const xml = gateJunit(input)
    expect(XMLValidator.validate(xml)).toBe(true)
    const cases = testcases(xml)
    const names = cases.map(({ classname, name }) => `${classname} ${name}`)
    expect(names).toEqual(
      expect.arrayContaining([
        'POST /access_grants/create sdk_object_result',
        'POST /access_grants/create sdk_request',
        'POST /access_grants/create sdk_errors',
        'POST /access_grants/create object_shape',
        'PUT /user_identities/grant_access_to_device sdk_void_result',
        'PUT /user_identities/grant_access_to_device void_shape',
      ]),
    )
    // One each: the cases of a check (valid, invalid input, wrong key, scripted error) are one testcase.
    expect(new Set(names).size).toBe(names.length)
    const failed = cases.filter((testcase) => testcase.failure !== undefined)
    expect(failed.map(({ classname, name }) => `${classname} ${name}`).sort()).toEqual([
      'POST /access_grants/create sdk_coverage',
      'POST /access_grants/create sdk_object_result',
    ])
    const objectResult = failed.find(({ name }) => name === 'sdk_object_result')
    expect(objectResult?.failure?.type).toBe('sdk_object_result')
    expect(objectResult?.failure?.message).toMatch(
      /expected the answer's "access_grant" unwrapped \(valid\)$/,
    )
    expect(objectResult?.failure?.['#text']).toContain(
      "Replay: npm run sdk-gate -- --seed 7 --operations 'POST /access_grants/create' --runs 2",
    )
    expect(failed.find(({ name }) => name === 'sdk_coverage')?.failure?.message).toBe(
      'method /access_grants/create lost since @seamapi/http@1.121.0',
    )
    expect(xml).toMatch(/<testsuites name="sdk-gate" tests="\d+" failures="2" errors="0" skipped="0"/)
    for (const secret of input.secrets) expect(xml).not.toContain(secret)
  })
})

describe('writeGateAllure', () => {
  let dir = ''
  let results: AllureResult[] = []
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gate-allure-'))
    // A conformance result and its attachment stay; an earlier gate result is replaced.
    writeFileSync(join(dir, 'c-attachment.txt'), 'conformance evidence')
    writeFileSync(
      join(dir, 'c-result.json'),
      JSON.stringify({
        name: 'void_shape',
        labels: [{ name: 'tag', value: 'positive' }],
        attachments: [{ source: 'c-attachment.txt' }],
      }),
    )
    writeFileSync(
      join(dir, 'old-result.json'),
      JSON.stringify({ name: 'stale', labels: [{ name: '_runner', value: 'sdk-gate' }], attachments: [] }),
    )
    writeGateAllure(dir, { ...input, summary: 'SDK gate summary' })
    results = readdirSync(dir)
      .filter((name) => name.endsWith('-result.json'))
      .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as AllureResult)
  })

  it('replaces only the gate’s own earlier results', () => {
    expect(existsSync(join(dir, 'c-result.json'))).toBe(true)
    expect(existsSync(join(dir, 'c-attachment.txt'))).toBe(true)
    expect(existsSync(join(dir, 'old-result.json'))).toBe(false)
  })

  it('labels each result as the conformance tests are labelled, with the gate as its suite', () => {
    const objectResult = results.find(
      (r) =>
        label(r, 'feature') === 'POST /access_grants/create' && r.name === 'sdk_object_result · sdk-gate',
    ) as AllureResult
    expect(objectResult).toBeDefined()
    expect(Object.fromEntries(objectResult.labels.map(({ name, value }) => [name, value]))).toMatchObject({
      epic: 'access_grants',
      feature: 'POST /access_grants/create',
      story: 'sdk_object_result',
      severity: 'critical',
      tag: 'sdk-gate',
      target: 'mock (seam rules)',
      seed: '7',
      sdk: result.sdk,
      _outcome: 'violation',
      _category: 'contract_violation',
      _runner: 'sdk-gate',
    })
    expect(objectResult.status).toBe('failed')
    expect(objectResult.statusDetails.message).toContain('sdk_object_result: POST /access_grants/create')
  })

  it('gives each case a step, and a failed case its evidence', () => {
    const objectResult = results.find(
      (r) =>
        label(r, 'feature') === 'POST /access_grants/create' && r.name === 'sdk_object_result · sdk-gate',
    ) as AllureResult
    const [valid] = objectResult.steps
    expect(valid?.name).toMatch(/^valid parameters/)
    expect(valid?.status).toBe('failed')
    expect(valid?.attachments.map(({ name }) => name)).toEqual([
      'report',
      'parameters (shrunk)',
      'what the SDK did',
      'request',
      'response',
      'seed and path',
    ])
    // Each step lasts what its case took, never "until the results were written".
    const stepDurations = results
      .filter((r) => label(r, 'tag') === 'sdk-gate')
      .flatMap((r) => r.steps.map((step) => step.stop - step.start))
    expect(Math.max(...stepDurations)).toBeLessThan(600_000)
    const errors = results.find(
      (r) => label(r, 'feature') === 'POST /access_grants/create' && r.name === 'sdk_errors · sdk-gate',
    )
    expect(errors?.status).toBe('passed')
    expect(errors?.steps.map(({ name }) => name)).toEqual([
      'valid parameters (2 calls)',
      'invalid parameters, expecting a 400',
      'a wrong credential, expecting a 401',
      'a scripted API error',
    ])
  })

  it('fails sdk_coverage on the operation of a lost method, and lists the coverage as one entry', () => {
    const lost = results.find(
      (r) => r.name === 'sdk_coverage · sdk-gate' && label(r, 'feature') === 'POST /access_grants/create',
    )
    expect(lost?.status).toBe('failed')
    const coverage = results.find((r) => r.name.startsWith('SDK coverage ('))
    expect(coverage?.status).toBe('failed')
    expect(coverage?.attachments.map(({ name }) => name)).toEqual(['sdk-gate.txt'])
  })

  it('writes no secret into any file', () => {
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), 'utf8')
      for (const secret of input.secrets) expect(text, file).not.toContain(secret)
    }
  })

  it('builds into the Allure report with npm run report', async () => {
    const reports = mkdtempSync(join(tmpdir(), 'gate-report-'))
    mkdirSync(join(reports, 'allure-results'))
    writeGateAllure(join(reports, 'allure-results'), { ...input, summary: 'SDK gate summary' })
    const report = await runScript('scripts/report.ts', ['--reports', reports])
    expect(report.code, report.stderr).toBe(0)
    expect(existsSync(join(reports, 'allure-report', 'index.html'))).toBe(true)
  }, 120_000)
})

/** A results directory as two runs leave it: the gate's result with its attachment, and a conformance run's. */
function earlierResults(dir: string, gate = 'g'): void {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, `${gate}-attachment.txt`), 'gate evidence')
  writeFileSync(
    join(dir, `${gate}-result.json`),
    JSON.stringify({
      labels: [{ name: '_runner', value: 'sdk-gate' }],
      steps: [{ attachments: [{ source: `${gate}-attachment.txt` }] }],
    }),
  )
  writeFileSync(join(dir, 'c-result.json'), JSON.stringify({ labels: [] }))
  writeFileSync(join(dir, 'c-container.json'), '{}')
  writeFileSync(join(dir, 'environment.properties'), 'target = mock\n')
}

describe('keepOnlyResults', () => {
  it('clears a conformance run’s earlier results but keeps the gate’s and their attachments', () => {
    const dir = mkdtempSync(join(tmpdir(), 'results-dir-'))
    earlierResults(dir)
    keepOnlyResults(dir, isSdkGateResult)
    expect(readdirSync(dir).sort()).toEqual(['g-attachment.txt', 'g-result.json'])
  })

  it('does the same aside, while the run writes its own results, and finishes what a run cut short set aside', async () => {
    const reports = mkdtempSync(join(tmpdir(), 'results-dir-'))
    const dir = join(reports, 'allure-results')
    earlierResults(dir)
    earlierResults(join(reports, 'allure-results.previous-1'), 'h')
    // A gate result whose attachment was never written.
    writeFileSync(
      join(dir, 'm-result.json'),
      JSON.stringify({
        labels: [{ name: '_runner', value: 'sdk-gate' }],
        attachments: [{ source: 'm-attachment.txt' }],
      }),
    )
    const cleared = keepOnlyResultsAside(dir, isSdkGateResult)
    writeFileSync(join(dir, 'new-result.json'), '{}')
    await cleared
    expect(readdirSync(reports)).toEqual(['allure-results'])
    expect(readdirSync(dir).sort()).toEqual([
      'g-attachment.txt',
      'g-result.json',
      'h-attachment.txt',
      'h-result.json',
      'm-result.json',
      'new-result.json',
    ])
  })
})
