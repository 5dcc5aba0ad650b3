// The human form of a spec diff: a headline, then the changes grouped by severity, breaking first.
import { type Change, SEVERITIES, type Severity, type SpecDiff } from '../../contracts/spec-diff.ts'

const HEADINGS: Record<Severity, string> = {
  breaking: 'Breaking for SDKs',
  deprecated: 'Deprecated',
  additive: 'Additive',
}

export function formatSpecDiff(diff: SpecDiff): string {
  const counts = SEVERITIES.map((severity) => `${countOf(diff, severity)} ${severity}`).join(', ')
  const lines = [
    `${specName(diff.from.version)} → ${specName(diff.to.version)}: ` +
      `${diff.from.operations} → ${diff.to.operations} operations; ${counts}`,
  ]
  if (diff.changes.length === 0) lines.push('', 'No changes an SDK release must care about.')
  for (const severity of SEVERITIES) {
    const changes = diff.changes.filter((change) => change.severity === severity)
    if (changes.length === 0) continue
    lines.push('', `${HEADINGS[severity]} (${changes.length})`)
    for (const change of changes) lines.push(`  ${formatChange(change)}`)
  }
  return `${lines.join('\n')}\n`
}

export function countOf(diff: SpecDiff, severity: Severity): number {
  return diff.changes.filter((change) => change.severity === severity).length
}

/** A published version reads as the package's; a file reads as its name. */
function specName(version: string): string {
  return /^\d+\.\d+\.\d+/.test(version) ? `@seamapi/types@${version}` : version
}

const LABEL_WIDTH = 18

function formatChange(change: Change): string {
  const [label, detail] = describe(change)
  return `${label.padEnd(LABEL_WIDTH)}${change.operation}${detail === '' ? '' : `  ${detail}`}`
}

function describe(change: Change): [label: string, detail: string] {
  switch (change.kind) {
    case 'operation_removed':
      return ['removed', change.wasDeprecated ? '(was deprecated)' : '']
    case 'result_changed':
      return [resultLabel(change.from, change.to), `${change.from} → ${change.to}`]
    case 'field_removed':
      return ['field removed', `${change.in}.${change.field}`]
    case 'field_now_required':
      return ['now required', `${change.in}.${change.field}${change.isNew ? ' (new field)' : ''}`]
    case 'operation_deprecated':
      return ['deprecated', '']
    case 'field_deprecated':
      return ['field deprecated', `${change.in}.${change.field}`]
    case 'operation_added':
      return ['added', '']
    case 'field_added':
      return ['optional field', `${change.in}.${change.field}`]
    case 'field_no_longer_required':
      return ['now optional', `${change.in}.${change.field}`]
  }
}

function resultLabel(from: string, to: string): string {
  if (from === 'void') return 'void → object'
  if (to === 'void') return 'object → void'
  return 'response key'
}
