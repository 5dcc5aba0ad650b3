import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { diffSpecs } from '../../contracts/spec-diff.ts'
import { buildSpec } from '../../contracts/spec.ts'
import { formatSpecDiff } from '../../scripts/lib/spec-diff-text.ts'

function fixture(name: string) {
  const document: unknown = JSON.parse(readFileSync(`test/fixtures/spec-diff/${name}.json`, 'utf8'))
  return buildSpec(document, name)
}

const before = await fixture('before')
const after = await fixture('after')

describe('diffSpecs', () => {
  it('finds every kind of change between the fixture documents, breaking first', () => {
    const diff = diffSpecs(before, after)
    expect(diff.from).toEqual({ version: 'before', operations: 8 })
    expect(diff.to).toEqual({ version: 'after', operations: 8 })
    expect(diff.changes).toEqual([
      {
        severity: 'breaking',
        kind: 'operation_removed',
        operation: 'POST /legacy/ping',
        wasDeprecated: true,
      },
      {
        severity: 'breaking',
        kind: 'result_changed',
        operation: 'POST /things/delete',
        from: 'void',
        to: 'object "thing"',
      },
      {
        severity: 'breaking',
        kind: 'result_changed',
        operation: 'POST /things/rename',
        from: 'object "thing"',
        to: 'object "renamed_thing"',
      },
      {
        severity: 'breaking',
        kind: 'result_changed',
        operation: 'POST /things/update',
        from: 'object "thing"',
        to: 'void',
      },
      {
        severity: 'breaking',
        kind: 'field_removed',
        operation: 'POST /things/list',
        in: 'body',
        field: 'customer_key',
      },
      {
        severity: 'breaking',
        kind: 'field_now_required',
        operation: 'GET /things/list',
        in: 'query',
        field: 'limit',
        isNew: false,
      },
      {
        severity: 'breaking',
        kind: 'field_now_required',
        operation: 'POST /things/get',
        in: 'body',
        field: 'workspace_id',
        isNew: true,
      },
      { severity: 'deprecated', kind: 'operation_deprecated', operation: 'POST /things/get' },
      {
        severity: 'deprecated',
        kind: 'field_deprecated',
        operation: 'POST /things/list',
        in: 'body',
        field: 'limit',
      },
      { severity: 'additive', kind: 'operation_added', operation: 'POST /things/archive' },
      {
        severity: 'additive',
        kind: 'field_added',
        operation: 'GET /things/list',
        in: 'query',
        field: 'cursor',
      },
      {
        severity: 'additive',
        kind: 'field_added',
        operation: 'POST /things/list',
        in: 'body',
        field: 'page_cursor',
      },
      {
        severity: 'additive',
        kind: 'field_no_longer_required',
        operation: 'POST /things/create',
        in: 'body',
        field: 'name',
      },
    ])
  })

  it('reads the other way round as the opposite changes', () => {
    const kinds = diffSpecs(after, before).changes.map((change) => `${change.kind} ${change.operation}`)
    expect(kinds).toContain('operation_added POST /legacy/ping')
    expect(kinds).toContain('operation_removed POST /things/archive')
    expect(kinds).toContain('field_now_required POST /things/create')
    expect(kinds).toContain('field_no_longer_required GET /things/list')
  })

  it('finds nothing between a spec and itself', () => {
    expect(diffSpecs(after, after).changes).toEqual([])
  })
})

describe('formatSpecDiff', () => {
  it('prints a headline and the changes grouped by severity', () => {
    expect(formatSpecDiff(diffSpecs(before, after)))
      .toBe(`before → after: 8 → 8 operations; 7 breaking, 2 deprecated, 4 additive

Breaking for SDKs (7)
  removed           POST /legacy/ping  (was deprecated)
  void → object     POST /things/delete  void → object "thing"
  response key      POST /things/rename  object "thing" → object "renamed_thing"
  object → void     POST /things/update  object "thing" → void
  field removed     POST /things/list  body.customer_key
  now required      GET /things/list  query.limit
  now required      POST /things/get  body.workspace_id (new field)

Deprecated (2)
  deprecated        POST /things/get
  field deprecated  POST /things/list  body.limit

Additive (4)
  added             POST /things/archive
  optional field    GET /things/list  query.cursor
  optional field    POST /things/list  body.page_cursor
  now optional      POST /things/create  body.name
`)
  })

  it('says so when nothing changed, naming published versions by package', () => {
    const same = diffSpecs({ ...after, version: '1.977.0' }, { ...after, version: '1.977.0' })
    expect(formatSpecDiff(same)).toBe(
      '@seamapi/types@1.977.0 → @seamapi/types@1.977.0: 8 → 8 operations; 0 breaking, 0 deprecated, 0 additive\n\n' +
        'No changes an SDK release must care about.\n',
    )
  })
})
