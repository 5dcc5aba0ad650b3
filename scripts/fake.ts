// `npm run fake -- [--port N]`: a seeded fake sandbox to try live mode by hand.
import { startFakeSandbox } from '../suites/live/fake-sandbox.ts'
import { parseCommandFlags, runMain, UsageError } from './lib/cli.ts'
import { untilStopped } from './lib/until-stopped.ts'

const USAGE = `Usage: npm run fake -- [--port N]

Starts @seamapi/fake-seam-connect on loopback, seeded like a sandbox workspace, and prints the
command that points live mode at it; Ctrl-C stops it.
  --port <n>   1–65535 (default: a free port)
  -h, --help`

async function main(): Promise<number> {
  const port = parsePort()
  const fake = await startFakeSandbox(port === undefined ? {} : { port })
  process.stdout.write(
    [
      `fake sandbox (@seamapi/fake-seam-connect) at ${fake.url}`,
      'try live mode with:',
      `  SEAM_TARGET=live SEAM_ENDPOINT=${fake.url} SEAM_API_KEY=${fake.apiKey} SEAM_USER_IDENTITY_ID=${fake.userIdentityId} npm run conformance`,
      `a workspace that is not a sandbox: SEAM_API_KEY=${fake.productionApiKey}`,
      'Ctrl-C stops it.',
      '',
    ].join('\n'),
  )
  await untilStopped()
  await fake.close()
  return 0
}

function parsePort(): number | undefined {
  const { values } = parseCommandFlags(
    { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    USAGE,
  )
  if (values.port === undefined) return undefined
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new UsageError(`--port must be 1-65535, not "${values.port}"`)
  return port
}

runMain('fake', main)
