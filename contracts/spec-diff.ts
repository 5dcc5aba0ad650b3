// What changed between two versions of the spec, as an SDK release sees it: operations that came or
// went, results that flipped between void and object or moved to another key, request fields that
// became (or stopped being) required, and deprecations. Pure: two built specs in, a list out.
import type { JsonSchema } from './json-schema.ts'
import { buildOperations, type Operation, type ResultKind } from './operations.ts'
import type { Spec } from './spec.ts'

/** `breaking`: an SDK built on the old spec breaks or misreads; `deprecated`: a warning to pass on;
 *  `additive`: new or relaxed, nothing breaks. */
export type Severity = 'breaking' | 'deprecated' | 'additive'

export const SEVERITIES: readonly Severity[] = ['breaking', 'deprecated', 'additive']

/** Where a request field lives. */
export type FieldIn = 'body' | 'query'

export type Change =
  | { kind: 'operation_removed'; operation: string; wasDeprecated: boolean }
  | { kind: 'operation_added'; operation: string }
  | { kind: 'result_changed'; operation: string; from: string; to: string }
  | { kind: 'field_now_required'; operation: string; in: FieldIn; field: string; isNew: boolean }
  | { kind: 'field_removed'; operation: string; in: FieldIn; field: string }
  | { kind: 'field_no_longer_required'; operation: string; in: FieldIn; field: string }
  | { kind: 'field_added'; operation: string; in: FieldIn; field: string }
  | { kind: 'operation_deprecated'; operation: string }
  | { kind: 'field_deprecated'; operation: string; in: FieldIn; field: string }

export type SpecDiff = {
  from: { version: string; operations: number }
  to: { version: string; operations: number }
  /** Sorted by severity, then operation, then kind and field. */
  changes: Array<Change & { severity: Severity }>
}

export function diffSpecs(from: Spec, to: Spec): SpecDiff {
  const before = new Map(buildOperations(from).map((op) => [op.id, op]))
  const after = new Map(buildOperations(to).map((op) => [op.id, op]))
  const changes: Change[] = []
  for (const [id, op] of before) {
    const next = after.get(id)
    if (next === undefined)
      changes.push({ kind: 'operation_removed', operation: id, wasDeprecated: op.deprecated })
    else changes.push(...diffOperation(op, next))
  }
  for (const id of after.keys()) {
    if (!before.has(id)) changes.push({ kind: 'operation_added', operation: id })
  }
  return {
    from: { version: from.version, operations: before.size },
    to: { version: to.version, operations: after.size },
    changes: changes.map((change) => ({ ...change, severity: severityOf(change) })).sort(byReadingOrder),
  }
}

export function severityOf(change: Change): Severity {
  switch (change.kind) {
    case 'operation_removed':
    case 'result_changed':
    case 'field_now_required':
    case 'field_removed':
      return 'breaking'
    case 'operation_deprecated':
    case 'field_deprecated':
      return 'deprecated'
    case 'operation_added':
    case 'field_added':
    case 'field_no_longer_required':
      return 'additive'
  }
}

function diffOperation(before: Operation, after: Operation): Change[] {
  const operation = after.id
  const changes: Change[] = []
  const from = describeResult(before.result)
  const to = describeResult(after.result)
  if (from !== to) changes.push({ kind: 'result_changed', operation, from, to })
  if (!before.deprecated && after.deprecated) changes.push({ kind: 'operation_deprecated', operation })
  changes.push(...diffFields(operation, 'body', bodyFields(before), bodyFields(after)))
  changes.push(...diffFields(operation, 'query', queryFields(before), queryFields(after)))
  return changes
}

/** `void`, or `object "access_grant"` / `array "devices"`: equal strings mean an SDK reads it alike. */
export function describeResult(result: ResultKind): string {
  return result.kind === 'void' ? 'void' : `${result.holds} "${result.key}"`
}

type Field = { required: boolean; deprecated: boolean }

function diffFields(
  operation: string,
  where: FieldIn,
  before: Map<string, Field>,
  after: Map<string, Field>,
): Change[] {
  const changes: Change[] = []
  for (const [field, old] of before) {
    const next = after.get(field)
    if (next === undefined) {
      changes.push({ kind: 'field_removed', operation, in: where, field })
      continue
    }
    if (!old.required && next.required) {
      changes.push({ kind: 'field_now_required', operation, in: where, field, isNew: false })
    }
    if (old.required && !next.required) {
      changes.push({ kind: 'field_no_longer_required', operation, in: where, field })
    }
    if (!old.deprecated && next.deprecated) {
      changes.push({ kind: 'field_deprecated', operation, in: where, field })
    }
  }
  for (const [field, next] of after) {
    if (before.has(field)) continue
    changes.push(
      next.required
        ? { kind: 'field_now_required', operation, in: where, field, isNew: true }
        : { kind: 'field_added', operation, in: where, field },
    )
  }
  return changes
}

function queryFields(op: Operation): Map<string, Field> {
  return new Map(
    op.queryParameters.map((p) => [
      p.name,
      { required: p.required, deprecated: p.schema.deprecated === true },
    ]),
  )
}

function bodyFields(op: Operation): Map<string, Field> {
  const schema = op.requestBody?.schema
  if (schema === undefined) return new Map()
  const required = requiredFields(schema)
  const fields = new Map<string, Field>()
  for (const [name, property] of propertiesOf(schema)) {
    const seen = fields.get(name)
    const deprecated = property.deprecated === true && seen?.deprecated !== false
    fields.set(name, { required: required.has(name), deprecated })
  }
  return fields
}

/** Every top-level property any branch of the schema names. */
function propertiesOf(schema: JsonSchema): Array<[string, JsonSchema]> {
  const own = Object.entries(schema.properties ?? {})
  const branches = [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]
  return [...own, ...branches.flatMap(propertiesOf)]
}

/** The fields every valid request must carry: a `oneOf`/`anyOf` requires what all its branches do. */
function requiredFields(schema: JsonSchema): Set<string> {
  const required = new Set(schema.required ?? [])
  for (const branch of schema.allOf ?? []) for (const name of requiredFields(branch)) required.add(name)
  for (const alternatives of [schema.oneOf, schema.anyOf]) {
    if (alternatives === undefined || alternatives.length === 0) continue
    const [first, ...rest] = alternatives.map(requiredFields)
    for (const name of first ?? []) if (rest.every((set) => set.has(name))) required.add(name)
  }
  return required
}

const KIND_ORDER: Array<Change['kind']> = [
  'operation_removed',
  'result_changed',
  'field_removed',
  'field_now_required',
  'operation_deprecated',
  'field_deprecated',
  'operation_added',
  'field_added',
  'field_no_longer_required',
]

function byReadingOrder(a: Change & { severity: Severity }, b: Change & { severity: Severity }): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    compare(a.operation, b.operation) ||
    compare(fieldOf(a), fieldOf(b))
  )
}

function fieldOf(change: Change): string {
  return 'field' in change ? `${change.in}.${change.field}` : ''
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
