import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import type { GeneratedRequest } from '../../../contracts/request.ts'
import { writeCoverageResult } from '../../../suites/support/allure/coverage-result.ts'
import {
  observe,
  observeOperation,
  operationCoverage,
  operationUniverse,
} from '../../../suites/support/coverage.ts'
import {
  buildCoverageReport,
  type CheckRun,
  mergeCoverageReports,
  renderCoverage,
} from '../../../suites/support/coverage-report.ts'
import type { Exchange } from '../../../contracts/exchange.ts'
import { operation } from '../../helpers/model.ts'

const create = operation('POST /access_grants/create')

function exchange(request: Partial<GeneratedRequest>, status = 200): Exchange {
  return {
    request: { operation: create.id, method: 'post', path: create.path, query: {}, ...request },
    wire: { method: 'POST', url: '', headers: {} },
    response: { status, headers: {}, text: '', durationMs: 0 },
  }
}

describe('operationUniverse', () => {
  it('lists nested property paths, enum values and documented statuses', () => {
    const universe = operationUniverse(create)
    expect(universe.properties).toContain('requested_access_methods')
    expect(universe.properties).toContain('requested_access_methods[].mode')
    expect(universe.enumValues).toContain('requested_access_methods[].mode=code')
    expect(universe.statuses).toEqual(['200', '400', '401'])
  })
})

describe('operationCoverage', () => {
  it('reports what valid requests never carried and the statuses never answered', () => {
    const observed = observe([
      exchange({ body: { user_identity_id: 'u', requested_access_methods: [{ mode: 'code' }] } }),
      // Invalid requests count for statuses only, never for properties.
      exchange({ body: { space_ids: ['s'] }, invalid: { breaks: 'schema', label: 'x' } }, 400),
    ])
    const coverage = operationCoverage(create, [observed])
    expect(coverage.statuses).toEqual({
      documented: ['200', '400', '401'],
      seen: ['200', '400'],
      missing: ['401'],
      notSought: [],
    })
    expect(coverage.properties.missing).toContain('space_ids')
    expect(coverage.properties.missing).not.toContain('requested_access_methods[].mode')
    expect(coverage.enumValues.missing).toContain('requested_access_methods[].mode=card')
    expect(coverage.enumValues.missing).not.toContain('requested_access_methods[].mode=code')
  })

  it('merges what several suites observed', () => {
    const one = observe([exchange({ body: { space_ids: ['s'] } })])
    const other = observe([exchange({ body: { device_ids: ['d'] } }, 401)])
    const coverage = operationCoverage(create, [one, other])
    expect(coverage.statuses.seen).toEqual(['200', '401'])
    expect(coverage.properties.missing).not.toContain('space_ids')
    expect(coverage.properties.missing).not.toContain('device_ids')
  })
})

describe('the statuses a run sought', () => {
  const positiveOnly = observe([exchange({ body: { space_ids: ['s'] } }), exchange({}, 500)])

  it('are those of the suites whose checks ran: the others are not sought, not missed', () => {
    expect(operationCoverage(create, [positiveOnly], ['positive']).statuses).toEqual({
      documented: ['200', '400', '401'],
      seen: ['200', '500'],
      missing: [],
      notSought: ['400', '401'],
    })
    expect(operationCoverage(create, [positiveOnly], ['negative', 'auth']).statuses).toMatchObject({
      missing: ['400', '401'],
      notSought: [],
    })
    // An answer no suite asked for still counts as seen: only what was neither is not sought.
    const refused = observe([exchange({ body: { space_ids: ['s'] } }, 400)])
    expect(operationCoverage(create, [refused], ['positive']).statuses).toMatchObject({
      missing: ['200'],
      notSought: ['401'],
    })
  })

  it('are every documented status when a suite is not one the coverage knows, or none is named', () => {
    for (const suites of [['positive', 'stateful'], undefined])
      expect(operationCoverage(create, [positiveOnly], suites).statuses).toMatchObject({
        missing: ['400', '401'],
        notSought: [],
      })
  })

  it('leave the table silent on what --checks turned off, and say how many were not sought', () => {
    const run = (check: string, suite: string, ran = true): CheckRun => ({
      operation: create.id,
      check,
      suite,
      ran,
    })
    const report = (runs: CheckRun[]) =>
      buildCoverageReport([create], runs, new Map([[create.id, [positiveOnly]]]))
    // Only response_schema selected: the positive suite alone ran.
    const selected = report([run('response_schema', 'positive')])
    expect(selected.totals.statuses).toEqual({ documented: 3, seen: 1, notSought: 2 })
    const text = renderCoverage(selected, 'reports/coverage.json')
    expect(text).toContain('status codes   1 / 1 (100 %) documented codes answered · 2 not sought')
    expect(text).not.toContain('never answered')
    // Every suite ran (a skipped check seeks nothing): 400 and 401 were sought and never answered.
    const all = report([
      run('response_schema', 'positive'),
      run('invalid_rejected', 'negative'),
      run('auth_required', 'auth'),
      run('unknown_id_not_found', 'not_found', false),
    ])
    expect(all.totals.statuses).toEqual({ documented: 3, seen: 1, notSought: 0 })
    expect(renderCoverage(all, 'reports/coverage.json')).toContain('status 400, 401 never answered')
  })
})

describe('observeOperation', () => {
  it('keeps only what the operation offers, and the coverage reads the same', () => {
    const exchanges = [
      exchange({
        body: { name: 'x'.repeat(5000), user_identity_id: 'u', requested_access_methods: [{ mode: 'code' }] },
      }),
      exchange({ body: { space_ids: ['s'] }, invalid: { breaks: 'schema', label: 'x' } }, 400),
    ]
    const kept = observeOperation(create, exchanges)
    const universe = operationUniverse(create)
    expect(kept.enumValues.every((value) => universe.enumValues.includes(value))).toBe(true)
    expect(kept.enumValues).toContain('requested_access_methods[].mode=code')
    expect(kept.enumValues.some((value) => value.startsWith('name='))).toBe(false)
    expect(kept.properties.every((path) => universe.properties.includes(path))).toBe(true)
    expect(kept.longest).toEqual(observe(exchanges).longest)
    expect(operationCoverage(create, [kept])).toEqual(operationCoverage(create, [observe(exchanges)]))
  })
})

describe('the longest string and list', () => {
  it('are what valid requests carried, in code points and items, with where', () => {
    const observed = observe([
      exchange({ body: { name: 'x'.repeat(300), space_keys: ['a', '😀'.repeat(400)] } }),
      exchange({ body: { device_ids: ['1', '2', '3'] } }),
      exchange({ body: { name: 'y'.repeat(900) }, invalid: { breaks: 'schema', label: 'x' } }, 400),
    ])
    expect(observed.longest).toEqual({
      string: { length: 400, at: 'space_keys[]' },
      array: { length: 3, at: 'device_ids' },
    })
  })

  it('are the longest of every suite, and the run prints the longest of all', () => {
    const one = observe([exchange({ body: { name: 'x'.repeat(10), device_ids: ['1'] } })])
    const other = observe([exchange({ body: { name: 'x'.repeat(5), space_ids: ['1', '2'] } })])
    expect(operationCoverage(create, [one, other]).longest).toEqual({
      string: { length: 10, at: 'name' },
      array: { length: 2, at: 'space_ids' },
    })
    const report = buildCoverageReport(
      [create],
      [{ operation: create.id, check: 'void_shape', ran: true }],
      new Map([[create.id, [one, other]]]),
    )
    expect(renderCoverage(report, 'reports/coverage.json')).toContain(
      '  longest sent   string 10 characters (POST /access_grants/create name) · list 2 items (POST /access_grants/create space_ids)',
    )
  })
})

describe('buildCoverageReport', () => {
  it('counts exercised and wholly skipped operations, and prints the skip reasons', () => {
    const grant = operation('POST /user_identities/grant_access_to_device')
    const report = buildCoverageReport(
      [create, grant],
      [
        { operation: create.id, check: 'void_shape', ran: true },
        { operation: grant.id, check: 'void_shape', ran: false, skipReason: 'no credential' },
      ],
      new Map([[create.id, [observe([exchange({ body: {} })])]]]),
    )
    expect(report.totals.operations).toEqual({ inSpec: 2, selected: 2, exercised: 1, skipped: 1 })
    expect(report.skipped).toEqual([{ operation: grant.id, reasons: ['no credential'] }])
    const text = renderCoverage(report, 'reports/coverage.json')
    expect(text).toContain('operations     1 / 2 (50 %) exercised · 1 skipped · 0 not selected')
    expect(text).toContain('1× no credential')
    expect(text).toContain('POST /access_grants/create: ')
  })

  it("counts as selected only the spec's operations, not live mode's stateful properties", () => {
    const report = buildCoverageReport(
      [create],
      [
        { operation: create.id, check: 'void_shape', ran: true },
        { operation: 'fixtures', check: 'fixtures', ran: true },
        { operation: '/acs/users/create', check: 'add_acs_user_then_listed', ran: true },
      ],
      new Map([[create.id, [observe([exchange({ body: {} })])]]]),
    )
    expect(report.totals.operations).toEqual({ inSpec: 1, selected: 1, exercised: 1, skipped: 0 })
    expect(report.totals.checks).toEqual({ ran: 3, skipped: 0 })
  })
})

describe('mergeCoverageReports', () => {
  it("gives the shards' reports merged the report of the whole run", () => {
    const grant = operation('POST /user_identities/grant_access_to_device')
    const revoke = operation('DELETE /user_identities/revoke_access_to_device')
    const spec = [create, grant, revoke]
    const runs: CheckRun[] = [
      { operation: create.id, check: 'void_shape', ran: true },
      { operation: create.id, check: 'auth_required', ran: true },
      { operation: grant.id, check: 'void_shape', ran: false, skipReason: 'no credential' },
      { operation: revoke.id, check: 'valid_accepted', ran: true },
    ]
    const observed = new Map([
      [create.id, [observe([exchange({ body: { name: 'a'.repeat(9), space_ids: ['x', 'y'] } })])]],
      [revoke.id, [observe([exchange({ query: { user_identity_id: 'u', device_id: 'dddd' } }, 400)])]],
    ])
    const whole = buildCoverageReport(spec, runs, observed)
    // Shards hold disjoint operations, given here out of order.
    const shard = (ids: string[]) =>
      buildCoverageReport(
        spec,
        runs.filter((run) => ids.includes(run.operation)),
        observed,
      )
    const merged = mergeCoverageReports([shard([revoke.id]), shard([create.id, grant.id])])
    expect(merged).toEqual(whole)
    expect(merged.totals.longest.string).toMatchObject({ operation: create.id, length: 9 })
  })
})

describe('writeCoverageResult', () => {
  it('adds the coverage to the Allure results as one passed entry with both attachments', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coverage-allure-'))
    writeCoverageResult(dir, 'Coverage (reports/coverage.json)', '{"totals":{}}\n')
    const files = readdirSync(dir)
    const result = JSON.parse(
      readFileSync(join(dir, files.find((f) => f.endsWith('-result.json')) as string), 'utf8'),
    ) as { name: string; status: string; attachments: { name: string; source: string }[] }
    expect(result).toMatchObject({ name: 'Coverage of the run', status: 'passed' })
    expect(result.attachments.map((a) => a.name)).toEqual(['coverage.txt', 'coverage.json'])
    const json = result.attachments[1] as { source: string }
    expect(readFileSync(join(dir, json.source), 'utf8')).toBe('{"totals":{}}\n')
  })
})
