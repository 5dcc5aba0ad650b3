// `npm run spec:export`: the pinned spec as a file, for Prism's CLI or any other tool.
import { parseCommandFlags, runMain, shownPath } from './lib/cli.ts'
import {
  DEFAULT_SPEC_FILE,
  OPERATION_FLAGS,
  operationSelection,
  selectedOperationKeys,
  writeSpecFile,
} from './lib/spec-file.ts'

const USAGE = `Usage: npm run spec:export -- [--out <file>] [--yaml] [--operations <filter> | --seed-endpoints]

Writes the OpenAPI document pinned in @seamapi/types, exactly as published, or only some of its
operations with the components they reach (what a Prism mock for a narrowed run needs to serve).

Options:
  --out <file>            where to write it (default ${DEFAULT_SPEC_FILE.json}, or ${DEFAULT_SPEC_FILE.yaml} with --yaml)
  --yaml                  YAML instead of JSON
  --operations <filter>   only these operations, as conformance's --operations reads them
  --seed-endpoints        only the five seed endpoints (= --operations seed)
  -h, --help`

async function main(): Promise<number> {
  const { values } = parseCommandFlags(
    {
      out: { type: 'string' },
      yaml: { type: 'boolean' },
      ...OPERATION_FLAGS,
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  )
  const format = values.yaml === true ? 'yaml' : 'json'
  const selection = operationSelection(values)
  const keep = selection === undefined ? undefined : await selectedOperationKeys(selection)
  const written = writeSpecFile(values.out ?? DEFAULT_SPEC_FILE[format], format, keep)
  // A few operations make a file of some kilobytes, which "0.0 MB" would hide.
  const size =
    written.bytes < 1024 * 1024
      ? `${Math.ceil(written.bytes / 1024)} KB`
      : `${(written.bytes / 1024 / 1024).toFixed(1)} MB`
  const part = written.operations === undefined ? '' : `, ${written.operations} operation(s)`
  process.stdout.write(
    `wrote ${shownPath(written.path)}: @seamapi/types ${written.version}${part}, ${format.toUpperCase()}, ${size}\n`,
  )
  return 0
}

runMain('spec:export', main)
