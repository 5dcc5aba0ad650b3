// `npm run mock`: the embedded mock on a port, for pointing an SDK or other tests at it.
import { parseArgs } from 'node:util'

import { startMock } from '../mock/server.ts'
import { runMain, UsageError } from './lib/cli.ts'

async function main(): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        rules: { type: 'string', default: 'seam' },
      },
      strict: true,
    }))
  } catch (error) {
    throw new UsageError(
      `${(error as Error).message} (usage: npm run mock -- [--port 4010] [--host 127.0.0.1] [--rules seam|prism])`,
    )
  }
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
