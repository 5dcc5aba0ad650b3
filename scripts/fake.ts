// `npm run fake -- [--port N]`: a seeded fake sandbox to try live mode by hand.
import { startFakeSandbox } from '../suites/live/fake-sandbox.ts'
import { parseCommandFlags, runMain, UsageError } from './lib/cli.ts'
import { untilStopped } from './lib/until-stopped.ts'

const USAGE = `Usage: npm run fake -- [--port N]

Starts @seamapi/fake-seam-connect on loopback, seeded like a sandbox workspace, and prints the
command that points live mode at it; Ctrl-C stops it.
  --port <n>   0–65535 (default, or 0: a free port)
  -h, --help`

async function main(): Promise<number> {
  const port = parsePort()
  const fake = await startFakeSandbox(port === undefined ? {} : { port }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    throw new UsageError(`port ${port} is already in use: stop what serves there, or pick another --port`)
  })
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
  if (!/^\d+$/.test(values.port) || port > 65535)
    throw new UsageError(`--port must be 0–65535, not "${values.port}"`)
  // 0, as for `npm run mock`: whichever port is free.
  return port === 0 ? undefined : port
}

runMain('fake', main)
