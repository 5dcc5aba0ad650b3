// What the tests against the fake sandbox share: a script run as a child process (asynchronous on
// purpose, since the fake answers from the test's own process) and the run-tagged ACS users the
// fake still lists.
import { spawn } from 'node:child_process'

import { request } from 'undici'

import type { FakeSandbox } from '../../suites/live/fake-sandbox.ts'

export type Finished = {
  status: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export function node(args: string[], env: Record<string, string>, timeoutMs: number): Promise<Finished> {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...env },
    timeout: timeoutMs,
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((done) =>
    child.on('close', (status, signal) => done({ status, signal, stdout, stderr })),
  )
}

export async function runTaggedAcsUsers(fake: FakeSandbox): Promise<string[]> {
  const response = await request(`${fake.url}/acs/users/list`, {
    method: 'POST',
    headers: { authorization: `Bearer ${fake.apiKey}`, 'content-type': 'application/json' },
    body: '{}',
  })
  const json = (await response.body.json()) as { acs_users: Array<{ full_name?: string }> }
  return json.acs_users
    .map((user) => user.full_name ?? '')
    .filter((name) => name.startsWith('seam-conformance-'))
}
