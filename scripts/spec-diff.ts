// `npm run spec:diff`: what changed between two versions of the spec that an SDK release must care
// about. Exit 0 (or 1 with --fail-on and a change at that severity), 2 on bad input.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { diffSpecs, SEVERITIES, type Severity } from '../contracts/spec-diff.ts'
import { buildSpec, type Spec } from '../contracts/spec.ts'
import { parseCommandFlags, runMain, UsageError } from './lib/cli.ts'
import { countOf, formatSpecDiff } from './lib/spec-diff-text.ts'
import { readSpecSource } from './lib/spec-source.ts'

const DEFAULT_CACHE = join(dirname(fileURLToPath(import.meta.url)), '..', 'reports', '.spec-cache')

const USAGE = `Usage: npm run spec:diff -- --from <spec> [--to <spec>] [options]

A <spec> is a published version of @seamapi/types (1.955.0; fetched with npm pack, then cached),
"installed" (the version in node_modules, also "pinned"), or the path of an OpenAPI JSON file.

Options:
  --from <spec>            the older spec (required)
  --to <spec>              the newer spec (default installed)
  --json                   print the diff as JSON
  --fail-on <severity>     exit 1 when a change is this severe or worse: ${SEVERITIES.join(' | ')}
  --cache <dir>            where fetched versions are kept (default reports/.spec-cache)
  -h, --help`

async function main(): Promise<number> {
  const { values } = parseFlags()
  if (values.from === undefined) throw new UsageError('--from is required (see --help)')
  const failOn = severity(values['fail-on'])
  const cache = values.cache ?? DEFAULT_CACHE
  const [from, to] = await Promise.all([
    spec('--from', values.from, cache),
    spec('--to', values.to ?? 'installed', cache),
  ])
  const diff = diffSpecs(from, to)
  process.stdout.write(values.json === true ? `${JSON.stringify(diff, null, 2)}\n` : formatSpecDiff(diff))
  if (failOn === undefined) return 0
  const worst = SEVERITIES.slice(0, SEVERITIES.indexOf(failOn) + 1)
  return worst.some((level) => countOf(diff, level) > 0) ? 1 : 0
}

async function spec(flag: string, value: string, cache: string): Promise<Spec> {
  try {
    const source = await readSpecSource(value, cache)
    return await buildSpec(source.document, source.version)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const wrapped = `${flag} ${value}: ${message}`
    throw error instanceof UsageError ? new UsageError(wrapped) : new Error(wrapped)
  }
}

function severity(value: string | undefined): Severity | undefined {
  if (value === undefined) return undefined
  const found = SEVERITIES.find((level) => level === value)
  if (found === undefined)
    throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}, not "${value}"`)
  return found
}

function parseFlags() {
  return parseCommandFlags(
    {
      from: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean' },
      'fail-on': { type: 'string' },
      cache: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  )
}

runMain('spec:diff', main)
