// `npm run mock` runs node under `sh -c`: a SIGTERM to npm ends npm and the shell, never node. The
// mock must notice that its parent is gone and stop, not serve on under init.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

/** Whether a process exists (and is not a zombie waiting to be reaped). */
function alive(pid: number): boolean {
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z')
  } catch {
    return false
  }
}

async function eventually(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (condition()) return true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return condition()
}

describe.skipIf(process.platform !== 'linux')('a served mock whose parent exits', () => {
  it('stops within seconds instead of serving on', async () => {
    // As npm runs it: a shell that is not node, with node as its child. `echo $!` gives node's pid.
    const shell = spawn('sh', ['-c', `"${process.execPath}" scripts/mock.ts --port 0 & echo $!; wait`], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    shell.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    expect(await eventually(() => out.includes('listening on'), 30_000)).toBe(true)
    const node = Number(out.split('\n')[0])
    try {
      expect(alive(node)).toBe(true)
      shell.kill('SIGKILL')
      expect(await eventually(() => !alive(node), 10_000)).toBe(true)
    } finally {
      if (alive(node)) process.kill(node, 'SIGKILL')
    }
  }, 60_000)
})
