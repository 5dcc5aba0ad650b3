// The CI workflows parse, and keep the promises the README makes about them. (`npm run lint` also
// runs actionlint over them: expressions, contexts, action inputs, runner versions.)
import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

type Step = {
  uses?: string
  run?: string
  if?: string
  id?: string
  with?: Record<string, unknown>
  'continue-on-error'?: unknown
}
type Job = {
  needs?: string | string[]
  strategy?: { 'fail-fast'?: boolean; matrix?: Record<string, unknown[]> }
  if?: string
  env?: Record<string, string>
  outputs?: Record<string, string>
  permissions?: Record<string, string>
  environment?: { name: string }
  steps: Step[]
}
type Workflow = { on: Record<string, unknown>; jobs: Record<string, Job> }

const WORKFLOWS = ['conformance.yml', 'nightly.yml', 'sdk-gate.yml']

function workflow(name: string): Workflow {
  return parse(readFileSync(`.github/workflows/${name}`, 'utf8'), {
    strict: true,
    uniqueKeys: true,
  }) as Workflow
}

function steps(flow: Workflow): Step[] {
  return Object.values(flow.jobs).flatMap((job) => job.steps)
}

const using = (flow: Workflow, action: string) =>
  steps(flow).filter((step) => step.uses?.split('@')[0] === action)

function uploads(flow: Workflow): string[] {
  return using(flow, 'actions/upload-artifact').map((step) => {
    // Evidence is uploaded whether the run passed or failed.
    expect(step.if).toMatch(/^always\(\)/)
    return String(step.with?.path)
  })
}

function sharedExpectations(flow: Workflow): void {
  const all = steps(flow)
  const conformance = all.find((step) => step.run === 'npm run conformance')
  expect(conformance).toBeDefined()
  // A violation must fail the job: nothing may swallow the conformance step's exit code.
  expect(conformance?.['continue-on-error']).toBeUndefined()
  expect(all.find((step) => step.run === 'npm run report')?.if).toBe('always()')
  // Inputs and secrets reach scripts through env, never spliced into a shell line.
  for (const step of all) expect(step.run ?? '').not.toContain('${{')
  // The run's one-screen summary is on the job's page, failed or not.
  const summary = all.find((step) => step.run?.includes('$GITHUB_STEP_SUMMARY') === true)
  expect(summary?.run).toContain('reports/summary.txt')
  expect(summary?.if).toMatch(/^always\(\)/)
}

describe.each(WORKFLOWS)('.github/workflows/%s', (name) => {
  it("sets Node up from .nvmrc, the project's one Node version", () => {
    const setups = using(workflow(name), 'actions/setup-node')
    expect(setups.length).toBeGreaterThan(0)
    for (const setup of setups) expect(setup.with).toEqual({ 'node-version-file': '.nvmrc', cache: 'npm' })
  })
})

describe('.github/workflows/nightly.yml', () => {
  const flow = workflow('nightly.yml')

  it('runs on a schedule, in live mode, with the API key from secrets', () => {
    expect(flow.on).toHaveProperty('schedule.0.cron')
    const env = Object.values(flow.jobs)[0]?.env
    expect(env).toMatchObject({ SEAM_TARGET: 'live', SEAM_API_KEY: '${{ secrets.SEAM_API_KEY }}' })
    sharedExpectations(flow)
  })

  it('restores and saves the report history, and uploads the single-file report', () => {
    const cached = steps(flow).filter((step) => step.uses?.startsWith('actions/cache/') === true)
    expect(cached.map((step) => [step.uses?.split('@')[0], step.with?.path])).toEqual([
      ['actions/cache/restore', 'reports/history'],
      ['actions/cache/restore', 'reports/live-ledger.jsonl'],
      ['actions/cache/save', 'reports/live-ledger.jsonl'],
      ['actions/cache/save', 'reports/history'],
    ])
    expect(uploads(flow)).toContain('reports/allure-report.html')
  })

  it('keeps the ledger from one night to the next, and uploads the live summary and exchange log', () => {
    const names = steps(flow).map((step) => step.uses?.split('@')[0] ?? step.run)
    const restore = names.indexOf('actions/cache/restore', names.indexOf('actions/cache/restore') + 1)
    expect(restore).toBeLessThan(names.indexOf('npm run conformance'))
    const save = steps(flow).find(
      (step) =>
        step.uses?.startsWith('actions/cache/save') === true &&
        step.with?.path === 'reports/live-ledger.jsonl',
    )
    // Saved even when the run failed: that is when something may be left to clean.
    expect(save?.if).toMatch(/^always\(\)/)
    for (const file of ['live-summary.json', 'live-exchanges.jsonl', 'live-ledger.jsonl'])
      expect(uploads(flow).some((path) => path.includes(`reports/${file}`))).toBe(true)
  })

  it('publishes the report site to GitHub Pages, also after a failed run', () => {
    const pages = using(flow, 'actions/upload-pages-artifact')
    expect(pages.map((step) => step.with?.path)).toEqual(['reports/allure-report'])
    expect(pages[0]?.if).toMatch(/^always\(\) && steps\.report\.outcome == 'success'$/)
    const [name, deploy] = Object.entries(flow.jobs).find(([, job]) =>
      job.steps.some((step) => step.uses?.split('@')[0] === 'actions/deploy-pages'),
    ) ?? ['', undefined]
    expect(name).not.toBe('')
    expect(deploy?.needs).toBe('conformance')
    expect(deploy?.if).toBe("always() && needs.conformance.outputs.report == 'success'")
    expect(flow.jobs.conformance?.outputs?.report).toBe('${{ steps.report.outcome }}')
    expect(deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' })
    expect(deploy?.environment?.name).toBe('github-pages')
  })
})

describe('.github/workflows/sdk-gate.yml', () => {
  const flow = workflow('sdk-gate.yml')

  it('is callable and dispatchable with a required SDK version', () => {
    for (const trigger of ['workflow_call', 'workflow_dispatch'])
      expect(flow.on).toHaveProperty(`${trigger}.inputs.sdk_version.required`, true)
  })

  it('gates the SDK version it is given, with nothing swallowing the exit code', () => {
    const gate = steps(flow).find((step) => step.run?.startsWith('npm run sdk-gate') === true)
    expect(gate?.run).toBe('npm run sdk-gate -- --sdk "@seamapi/http@${SDK_VERSION}"')
    expect(gate?.['continue-on-error']).toBeUndefined()
    expect(Object.values(flow.jobs)[0]?.env).toMatchObject({ SDK_VERSION: '${{ inputs.sdk_version }}' })
  })

  it('passes its operations input to the gate and the conformance run alike', () => {
    for (const trigger of ['workflow_call', 'workflow_dispatch'])
      expect(flow.on).toHaveProperty(`${trigger}.inputs.operations.default`, 'all')
    expect(Object.values(flow.jobs)[0]?.env).toMatchObject({
      SEAM_OPERATIONS: "${{ inputs.operations || 'all' }}",
    })
  })

  it('runs the conformance step after the gate, even when the gate failed, then one report of both', () => {
    const all = steps(flow)
    const gate = all.findIndex((step) => step.run?.startsWith('npm run sdk-gate') === true)
    const conformance = all.findIndex((step) => step.run === 'npm run conformance')
    const report = all.findIndex((step) => step.run === 'npm run report')
    expect(gate).toBeLessThan(conformance)
    expect(conformance).toBeLessThan(report)
    expect(all[conformance]?.if).toBe('${{ !cancelled() }}')
  })

  it('runs in mock mode, fails on any violation, and uploads both JUnit files and the report', () => {
    expect(Object.values(flow.jobs)[0]?.env).toMatchObject({ SEAM_TARGET: 'mock' })
    sharedExpectations(flow)
    const paths = uploads(flow)
    expect(paths.some((path) => path.includes('reports/junit.xml'))).toBe(true)
    expect(paths.some((path) => path.includes('reports/sdk-gate.junit.xml'))).toBe(true)
    expect(paths).toContain('reports/allure-report.html')
  })
})

describe('.github/workflows/conformance.yml', () => {
  const flow = workflow('conformance.yml')
  const shard = flow.jobs.shard as Job
  const merge = flow.jobs.merge as Job

  it('runs the whole API in mock mode as a matrix of shards, each to its end', () => {
    expect(flow.on).toHaveProperty('schedule.0.cron')
    expect(shard.env).toMatchObject({ SEAM_TARGET: 'mock', SHARD: '${{ matrix.shard }}' })
    const shards = shard.strategy?.matrix?.shard
    expect(shards).toEqual(Array.from({ length: Number(shard.env?.SHARDS) }, (_, i) => i + 1))
    expect(shard.strategy?.['fail-fast']).toBe(false)
  })

  it('gives every shard the same seed and its own reports directory, and fails it on a violation', () => {
    const run = shard.steps.find((step) => step.run?.startsWith('npm run conformance') === true)
    expect(run?.run).toBe(
      'npm run conformance -- --shard "${SHARD}/${SHARDS}" --seed "$((GITHUB_RUN_ID % 2147483647))" --reports "reports/shard-${SHARD}"',
    )
    expect(run?.['continue-on-error']).toBeUndefined()
    for (const step of steps(flow)) expect(step.run ?? '').not.toContain('${{')
  })

  it('merges every shard in a last job, also after failed shards, then builds and uploads the report', () => {
    const upload = shard.steps.find((step) => step.uses?.startsWith('actions/upload-artifact') === true)
    expect(upload?.if).toBe('always()')
    expect(upload?.with?.path).toBe('reports/shard-${{ matrix.shard }}/')
    expect(merge.needs).toBe('shard')
    expect(merge.if).toBe('always()')
    const names = merge.steps.map((step) => step.uses?.split('@')[0] ?? step.run)
    const download = merge.steps[names.indexOf('actions/download-artifact')]
    // The pattern takes every shard's artifact, each into its own directory.
    const pattern = String(download?.with?.pattern)
    expect(String(upload?.with?.name).startsWith(pattern.replace(/\*$/, ''))).toBe(true)
    expect(download?.with?.['merge-multiple']).toBeUndefined()
    const mergeRun = `npm run merge-shards -- --reports reports ${String(download?.with?.path)}/${pattern}`
    expect(names.indexOf(mergeRun)).toBeGreaterThan(names.indexOf('actions/download-artifact'))
    expect(merge.steps.find((step) => step.run === 'npm run report')?.if).toBe('always()')
    expect(names.indexOf('npm run report')).toBeGreaterThan(names.indexOf(mergeRun))
    const summary = merge.steps.find((step) => step.run?.includes('$GITHUB_STEP_SUMMARY') === true)
    expect(summary?.run).toContain('reports/summary.txt')
    const paths = uploads({ on: {}, jobs: { merge } })
    for (const file of ['allure-report.html', 'junit.xml', 'coverage.json'])
      expect(paths.some((path) => path.includes(`reports/${file}`))).toBe(true)
  })
})

describe('the Node version', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
    engines: { node: string }
    devDependencies: Record<string, string>
  }
  const nvmrc = readFileSync('.nvmrc', 'utf8').trim()

  it('is the one the project provisions (the node package) and satisfies engines', () => {
    expect(nvmrc).toBe(pkg.devDependencies.node)
    const floor = /^>=(\d+)\.(\d+)$/.exec(pkg.engines.node)
    expect(floor).not.toBeNull()
    const [major, minor] = nvmrc.split('.').map(Number)
    expect(major).toBe(Number(floor?.[1]))
    expect(minor).toBeGreaterThanOrEqual(Number(floor?.[2]))
  })

  it('is the one the README states', () => {
    const readme = readFileSync('README.md', 'utf8')
    expect(readme).toContain(`Node ${nvmrc}`)
    expect(readme).toContain(`engines: ${pkg.engines.node}`)
  })
})
