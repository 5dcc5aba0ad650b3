// `npm run spec:export`: the pinned spec as a file, for Prism's CLI or any other tool.
import { relative } from 'node:path'

import { parseCommandFlags, runMain } from './lib/cli.ts'
import { DEFAULT_SPEC_FILE, writeSpecFile } from './lib/spec-file.ts'

const USAGE = `Usage: npm run spec:export -- [--out <file>] [--yaml]

Writes the OpenAPI document pinned in @seamapi/types, exactly as published.

Options:
  --out <file>   where to write it (default ${DEFAULT_SPEC_FILE.json}, or ${DEFAULT_SPEC_FILE.yaml} with --yaml)
  --yaml         YAML instead of JSON
  -h, --help`

async function main(): Promise<number> {
  const { values } = parseCommandFlags(
    { out: { type: 'string' }, yaml: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    USAGE,
  )
  const format = values.yaml === true ? 'yaml' : 'json'
  const written = writeSpecFile(values.out ?? DEFAULT_SPEC_FILE[format], format)
  const size = `${(written.bytes / 1024 / 1024).toFixed(1)} MB`
  process.stdout.write(
    `wrote ${relative(process.cwd(), written.path)}: @seamapi/types ${written.version}, ${format.toUpperCase()}, ${size}\n`,
  )
  return 0
}

runMain('spec:export', main)
