// `npm run mock`: the embedded mock on a port, for pointing an SDK or other tests at it.
import { startMock } from '../mock/server.ts'
import { parseCommandFlags, runMain, UsageError } from './lib/cli.ts'

const USAGE = `Usage: npm run mock -- [--port 4010] [--host 127.0.0.1] [--rules seam|prism]

Starts the Seam contract mock (Prism's engine plus Seam's rules) until Ctrl-C.
  --port <n>             0–65535 (default 4010; 0 picks a free port)
  --host <address>       (default 127.0.0.1)
  --rules <seam|prism>   seam: Seam's own rules too; prism: plain Prism (default seam)
  -h, --help

Credentials: it takes any well-formed one, or only SEAM_API_KEY, SEAM_PERSONAL_ACCESS_TOKEN and
SEAM_WORKSPACE_ID when they are set in its environment.`

async function main(): Promise<number> {
  const { values } = parseCommandFlags(
    {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      rules: { type: 'string', default: 'seam' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  )
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be 0–65535, not "${values.port}"`)
  if (values.rules !== 'seam' && values.rules !== 'prism')
    throw new UsageError(`--rules must be seam or prism, not "${values.rules}"`)
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
  const mock = await startMock({ port, host: values.host, rules: values.rules, accepted })
  process.stdout.write(
    `Seam contract mock (${values.rules} rules) listening on ${mock.url} (Ctrl-C to stop)\n`,
  )
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  await mock.close()
  return 0
}

runMain('mock', main)
