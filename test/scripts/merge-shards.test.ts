// A run spread over 3 shards (`--shard i/3`, one seed) and merged with `npm run merge-shards` is the
// unsharded run with the same seed: the same verdicts, counts, coverage, JUnit testcases and Allure
// results. The target has a fault on several seed operations, so the verdicts include failures.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type RunningMock, startMock } from '../../mock/server.ts'
import { randomSeed, resolveConfig } from '../../suites/support/config.ts'
import type { SummaryData, SummaryResult } from '../../suites/support/summary-reporter.ts'
import { compositeFault } from '../helpers/fixture-run.ts'
import { MOCK_SECRETS } from '../helpers/conformance.ts'
import { runScript } from '../helpers/run-script.ts'

const ENV = {
  SEAM_API_KEY: MOCK_SECRETS.apiKey,
  SEAM_CLIENT_SESSION_TOKEN: MOCK_SECRETS.clientSessionToken,
  SEAM_CONSOLE_SESSION_TOKEN: MOCK_SECRETS.consoleSessionToken,
}
const SHARDS = 3

let mock: RunningMock
const root = mkdtempSync(join(tmpdir(), 'shards-'))
const dir = (name: string) => join(root, name)
const shardDirs = Array.from({ length: SHARDS }, (_, i) => dir(`shard-${i + 1}`))
const codes: Record<string, number | null> = {}
let mergeOutput = ''

async function conformance(reports: string, extra: string[] = []) {
  const args = [
    '--endpoint',
    mock.url,
    '--seed-endpoints',
    '--seed',
    '7',
    '--runs',
    '10',
    '--reports',
    reports,
  ]
  const { code, stderr } = await runScript('scripts/conformance.ts', [...args, ...extra], ENV)
  if (code === 2) throw new Error(`conformance did not run: ${stderr}`)
  return code
}

beforeAll(async () => {
  mock = await startMock({ fault: compositeFault, accepted: resolveConfig(ENV, randomSeed).auth })
  // One after the other: the machine's cores are shared.
  codes.whole = await conformance(dir('whole'))
  for (const [at, shard] of shardDirs.entries())
    codes[`shard ${at + 1}`] = await conformance(shard, ['--shard', `${at + 1}/${SHARDS}`])
  const merged = await runScript('scripts/merge-shards.ts', ['--reports', dir('merged'), ...shardDirs])
  codes.merged = merged.code
  mergeOutput = merged.stdout
  if (merged.code === 2) throw new Error(`merge-shards failed: ${merged.stderr}`)
}, 600_000)
afterAll(() => mock?.close())

const read = (name: string, file: string) => readFileSync(join(dir(name), file), 'utf8')
const summaryOf = (name: string) => JSON.parse(read(name, 'summary.json')) as SummaryData
const key = (r: SummaryResult) => `${r.suite} ${r.operation} ${r.check}`

describe('three shards merged', () => {
  it('split the operations: each shard ran some, none ran one twice', () => {
    const operations = shardDirs.map(
      (shard) => new Set(summaryOf(shard.split('/').at(-1) as string).results.map((r) => r.operation)),
    )
    for (const held of operations) expect(held.size).toBeGreaterThan(0)
    const all = operations.flatMap((held) => [...held])
    expect(new Set(all).size).toBe(all.length)
    expect(all.toSorted()).toEqual([...new Set(summaryOf('whole').results.map((r) => r.operation))].sort())
  })

  it('have the verdicts of the unsharded run, failures and their details included, and its exit code', () => {
    const whole = summaryOf('whole').results.toSorted((a, b) => key(a).localeCompare(key(b)))
    const merged = summaryOf('merged').results.toSorted((a, b) => key(a).localeCompare(key(b)))
    expect(whole.some((r) => r.state === 'failed')).toBe(true)
    expect(merged).toEqual(whole)
    expect(codes.whole).toBe(1)
    expect(codes.merged).toBe(codes.whole)
  })

  it("print the unsharded run's summary, the run line saying it was merged", () => {
    const whole = read('whole', 'summary.txt')
    const runLine = whole.split('\n')[1] as string
    expect(runLine).toContain('seed 7')
    expect(read('merged', 'summary.txt')).toBe(whole.replace(runLine, `${runLine} · ${SHARDS} shards merged`))
    expect(mergeOutput).toContain(`${runLine} · ${SHARDS} shards merged`)
  })

  it("write the unsharded run's coverage.json", () => {
    expect(JSON.parse(read('merged', 'coverage.json'))).toEqual(JSON.parse(read('whole', 'coverage.json')))
  })

  it("write one JUnit file with the unsharded run's testcases and counts", () => {
    const parse = (name: string) => {
      const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
        read(name, 'junit.xml'),
      )
      const root = xml.testsuites as { tests: string; failures: string; errors: string; testsuite: unknown }
      const suites = [root.testsuite].flat() as { name: string; tests: string; testcase: unknown }[]
      const cases = suites.flatMap((suite) =>
        ([suite.testcase].flat() as Record<string, unknown>[]).map(
          (c) =>
            `${String(c.classname)} ${String(c.name)} ${'failure' in c ? 'failed' : 'skipped' in c ? 'skipped' : 'passed'}`,
        ),
      )
      return {
        counts: [root.tests, root.failures, root.errors],
        suites: suites.map((suite) => [suite.name, suite.tests]).sort(),
        cases: cases.sort(),
      }
    }
    expect(parse('merged')).toEqual(parse('whole'))
  })

  it("gather the unsharded run's Allure results, with one coverage entry for the whole run", () => {
    const results = (name: string) => {
      const folder = join(dir(name), 'allure-results')
      return readdirSync(folder)
        .filter((file) => file.endsWith('-result.json'))
        .map(
          (file) =>
            JSON.parse(readFileSync(join(folder, file), 'utf8')) as {
              fullName: string
              status: string
              attachments: { name: string; source: string }[]
            },
        )
    }
    const outline = (name: string) =>
      results(name)
        .map((r) => `${r.fullName} ${r.status}`)
        .sort()
    expect(outline('merged')).toEqual(outline('whole'))
    const coverage = results('merged').filter((r) => r.fullName === 'seam-connect-conformance:coverage')
    expect(coverage).toHaveLength(1)
    const json = coverage[0]?.attachments.find((a) => a.name === 'coverage.json')?.source as string
    expect(readFileSync(join(dir('merged'), 'allure-results', json), 'utf8')).toBe(
      read('merged', 'coverage.json'),
    )
  })
})

describe('merge-shards, given shards that are not one whole run', () => {
  it.each([
    [() => shardDirs.slice(0, 2), `merge-shards: shard 3/${SHARDS} missing`],
    [
      () => [shardDirs[0] as string, shardDirs[0] as string, shardDirs[1] as string],
      'merge-shards: shard 1/3 given twice',
    ],
    [() => [dir('whole'), ...shardDirs], 'a run without --shard, not a shard'],
    [() => [], "merge-shards: give the shards' reports directories (see --help)"],
  ])('%#: exits 2 with one line', async (dirs, message) => {
    const { code, stderr } = await runScript('scripts/merge-shards.ts', [
      '--reports',
      dir('refused'),
      ...dirs(),
    ])
    expect(code).toBe(2)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toContain(message)
  })
})
