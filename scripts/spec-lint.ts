// `npm run spec:lint`: what a version of the spec gets wrong about itself (an example, default or
// enum value that breaks its own schema, a required property it never defines, bounds no value
// can meet, oneOf branches another branch always covers), with the operations each one reaches.
// A run reports a server's answer that trips over one of these as a `spec` finding, not the
// server's violation. Exit 0 whatever it finds (1 with --fail-on-findings), 2 on bad input.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import {
  lintSpec,
  SPEC_FINDING_KINDS,
  type SpecFinding,
  type SpecFindingKind,
} from '../contracts/spec-lint.ts'
import { buildSpec } from '../contracts/spec.ts'
import { createValidators } from '../contracts/validators.ts'
import { parseCommandFlags, runMain, UsageError } from './lib/cli.ts'
import { readSpecSource } from './lib/spec-source.ts'

const DEFAULT_CACHE = join(dirname(fileURLToPath(import.meta.url)), '..', 'reports', '.spec-cache')

const USAGE = `Usage: npm run spec:lint -- [--spec <spec>] [options]

A <spec> is "installed" (the pinned version in node_modules, default), a published version of
@seamapi/types (fetched with npm pack, then cached), or the path of an OpenAPI JSON file.

Options:
  --spec <spec>          the spec to lint (default installed)
  --json                 print the findings as JSON
  --samples <n>          values sampled per oneOf branch (default 10)
  --fail-on-findings     exit 1 when there is any finding
  --cache <dir>          where fetched versions are kept (default reports/.spec-cache)
  -h, --help`

async function main(): Promise<number> {
  const { values } = parseCommandFlags(
    {
      spec: { type: 'string', default: 'installed' },
      json: { type: 'boolean' },
      samples: { type: 'string', default: '10' },
      'fail-on-findings': { type: 'boolean' },
      cache: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  )
  if (!/^[1-9]\d*$/.test(values.samples))
    throw new UsageError(`--samples must be a positive integer, not "${values.samples}"`)
  const source = await readSpecSource(values.spec, values.cache ?? DEFAULT_CACHE)
  const spec = await buildSpec(source.document, source.version)
  const findings = lintSpec(spec, createValidators(spec), { samples: Number(values.samples) })
  process.stdout.write(
    values.json === true
      ? `${JSON.stringify({ spec: source.version, findings }, null, 2)}\n`
      : formatFindings(source.version, findings),
  )
  return values['fail-on-findings'] === true && findings.length > 0 ? 1 : 0
}

function formatFindings(version: string, findings: SpecFinding[]): string {
  const name = /^\d/.test(version) ? `@seamapi/types ${version}` : version
  const lines = [`${name}: ${findings.length} finding(s) in the spec itself`]
  for (const kind of Object.keys(SPEC_FINDING_KINDS) as SpecFindingKind[]) {
    const of = findings.filter((finding) => finding.kind === kind)
    if (of.length === 0) continue
    lines.push('', `${SPEC_FINDING_KINDS[kind]} (${of.length})`)
    for (const finding of of) {
      const shown = finding.operations.slice(0, 3).join(', ')
      const more = finding.operations.length > 3 ? ` and ${finding.operations.length - 3} more` : ''
      lines.push(
        `  ${finding.pointer}`,
        `    ${finding.message}`,
        `    reached by: ${shown || 'no operation'}${more}`,
      )
    }
  }
  return `${lines.join('\n')}\n`
}

runMain('spec:lint', main)
