// The CI workflows parse, and keep the promises the README makes about them.
import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

type Step = {
  uses?: string
  run?: string
  if?: string
  with?: Record<string, unknown>
  'continue-on-error'?: unknown
}
type Workflow = {
  on: Record<string, unknown>
  jobs: Record<string, { env?: Record<string, string>; steps: Step[] }>
}

function workflow(name: string): Workflow {
  return parse(readFileSync(`.github/workflows/${name}`, 'utf8'), {
    strict: true,
    uniqueKeys: true,
  }) as Workflow
}

function steps(flow: Workflow): Step[] {
  return Object.values(flow.jobs).flatMap((job) => job.steps)
}

function uploads(flow: Workflow): string[] {
  return steps(flow)
    .filter((step) => step.uses?.startsWith('actions/upload-artifact@') === true)
    .map((step) => {
      expect(step.if).toBe('always()')
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
}

describe('.github/workflows/nightly.yml', () => {
  const flow = workflow('nightly.yml')

  it('runs on a schedule, in live mode, with the API key from secrets', () => {
    expect(flow.on).toHaveProperty('schedule.0.cron')
    const env = Object.values(flow.jobs)[0]?.env
    expect(env).toMatchObject({ SEAM_TARGET: 'live', SEAM_API_KEY: '${{ secrets.SEAM_API_KEY }}' })
    sharedExpectations(flow)
  })

  it('restores and saves the report history, and uploads the Allure report', () => {
    const cached = steps(flow).filter((step) => step.uses?.startsWith('actions/cache/') === true)
    expect(cached.map((step) => [step.uses?.split('@')[0], step.with?.path])).toEqual([
      ['actions/cache/restore', 'reports/history'],
      ['actions/cache/save', 'reports/history'],
    ])
    expect(uploads(flow)).toContain('reports/allure-report')
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
    expect(paths).toContain('reports/allure-report')
  })
})
