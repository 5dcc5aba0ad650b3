// A conformance pass as a user runs it (the CLI in a child process) against a server with a fault
// on each of several seed operations, then `npm run report` over its results: the material the
// report, JUnit and secrecy tests look at.
import { spawn } from 'node:child_process'

import type { Fault } from '../../mock/server.ts'
import { FAULTS } from '../fixtures/faults.ts'

/** The first fixture of each operation, composed: each acts on its own operation only. */
export const ONE_FAULT_PER_OPERATION = FAULTS.filter(
  (f, i) => FAULTS.findIndex((other) => other.operation === f.operation) === i,
)

export const compositeFault: Fault = (context) =>
  ONE_FAULT_PER_OPERATION.reduce(
    (response, fixture) => fixture.fault({ ...context, response }),
    context.response,
  )

export function runScript(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}
