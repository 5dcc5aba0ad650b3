// `npm run mock`: a mock on a port, for pointing an SDK, the suite or other tests at it: the
// embedded contract mock (default), or the real Prism CLI on the pinned spec.
import { existsSync } from 'node:fs'

import { prismCliVersion, startPrismCli } from '../mock/prism-cli.ts'
import { startMock } from '../mock/server.ts'
import { parseCommandFlags, runMain, shownPath, UsageError } from './lib/cli.ts'
import {
  DEFAULT_SPEC_FILE,
  OPERATION_FLAGS,
  operationSelection,
  selectedOperationKeys,
  servedSelection,
  writeSpecFile,
} from './lib/spec-file.ts'
import { untilStopped } from './lib/until-stopped.ts'

const USAGE = `Usage: npm run mock -- [--engine contract|prism-cli] [--port 4010] [--host 127.0.0.1] [options]

Engines:
  contract    the Seam contract mock: Prism's engine in-process plus Seam's rules (default)
  prism-cli   the real Prism CLI (@stoplight/prism-cli ${prismCliVersion()}): prism mock on the pinned spec

Options:
  --rules <seam|prism>   contract mock only: keep Seam's rules, or judge as plain Prism (default seam)
  --spec <file>          prism-cli only: serve this OpenAPI file instead of exporting the pinned
                         spec to ${DEFAULT_SPEC_FILE.json}
  --operations <filter>  prism-cli only: export and serve only these operations (as conformance's
                         --operations); Prism answers about five times as fast on a small document
  --seed-endpoints       prism-cli only: only the five seed endpoints (= --operations seed)
  -h, --help

The contract mock takes any well-formed credential, or only SEAM_API_KEY, SEAM_PERSONAL_ACCESS_TOKEN
and SEAM_WORKSPACE_ID when they are set. Ctrl-C stops either.`

async function main(): Promise<number> {
  const { values } = parseCommandFlags(
    {
      engine: { type: 'string', default: 'contract' },
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      rules: { type: 'string' },
      spec: { type: 'string' },
      ...OPERATION_FLAGS,
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  )
  const port = Number(values.port)
  if (!/^\d+$/.test(values.port) || port > 65535)
    throw new UsageError(`--port must be 0–65535, not "${values.port}"`)
  const selection = operationSelection(values)
  if (values.engine === 'prism-cli') {
    if (values.rules !== undefined)
      throw new UsageError('--rules is for the contract mock: the Prism CLI keeps its own')
    if (values.spec !== undefined && selection !== undefined)
      throw new UsageError('--spec serves a file as it is: narrow it with spec:export instead')
    // Prism also fetches a document by URL; a file that is not there is said here, in one line.
    if (values.spec !== undefined && !/^https?:\/\//.test(values.spec) && !existsSync(values.spec))
      throw new UsageError(`no file at ${values.spec}`)
    return prismCli(port, values.host, values.spec, selection)
  }
  if (values.engine !== 'contract')
    throw new UsageError(`--engine must be contract or prism-cli, not "${values.engine}"`)
  if (values.spec !== undefined) throw new UsageError('--spec is for --engine prism-cli')
  if (selection !== undefined)
    throw new UsageError('--operations and --seed-endpoints are for --engine prism-cli')
  const rules = values.rules ?? 'seam'
  if (rules !== 'seam' && rules !== 'prism')
    throw new UsageError(`--rules must be seam or prism, not "${rules}"`)
  // Credentials given in the environment are the only ones taken; otherwise any well-formed one is.
  const variables = {
    apiKey: 'SEAM_API_KEY',
    personalAccessToken: 'SEAM_PERSONAL_ACCESS_TOKEN',
    workspaceId: 'SEAM_WORKSPACE_ID',
  }
  const accepted = Object.fromEntries(
    Object.entries(variables).flatMap(([key, variable]) =>
      process.env[variable] ? [[key, process.env[variable]]] : [],
    ),
  )
  const mock = await startMock({ port, host: values.host, rules, accepted })
  process.stdout.write(`Seam contract mock (${rules} rules) listening on ${mock.url} (Ctrl-C to stop)\n`)
  await untilStopped()
  await mock.close()
  return 0
}

/**
 * The real Prism CLI on the pinned spec (exported first, whole or only the selected operations) or
 * on a file given, until Ctrl-C or its exit.
 */
async function prismCli(
  port: number,
  host: string,
  spec: string | undefined,
  selection: string | undefined,
): Promise<number> {
  const keep = selection === undefined ? undefined : await selectedOperationKeys(selection)
  const specFile = spec ?? writeSpecFile(DEFAULT_SPEC_FILE.json, 'json', keep).path
  process.stdout.write(`Starting prism mock on ${shownPath(specFile)} (it takes a while to load the spec)…\n`)
  const prism = await startPrismCli({ specFile, port, host })
  const served = spec === undefined ? selection : await servedSelection(spec)
  process.stdout.write(
    `Prism CLI ${prism.version} listening on ${prism.url} (Ctrl-C to stop). Check it with:\n` +
      `  SEAM_API_KEY=seam_any_key npm run conformance -- --endpoint ${prism.url} --mock prism ${operationsFlag(served)}\n`,
  )
  const stopped = await Promise.race([untilStopped().then(() => 'signal' as const), prism.exited])
  if (stopped !== 'signal') throw new Error(`prism mock exited on its own (code ${stopped})`)
  await prism.close()
  return 0
}

/**
 * The conformance flag that checks what Prism serves (a file given with --spec: what it serves of the
 * pinned spec): the seed endpoints when it serves everything.
 */
function operationsFlag(selection: string | undefined): string {
  if (selection === undefined || selection === 'seed') return '--seed-endpoints'
  return `--operations ${/\s/.test(selection) ? `'${selection}'` : selection}`
}

runMain('mock', main)
