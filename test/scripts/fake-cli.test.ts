// `npm run fake` given a bad or busy port: one line, exit 2.
import { createServer } from 'node:net'

import { describe, expect, it } from 'vitest'

import { runScript } from '../helpers/run-script.ts'

describe('fake, given a port it cannot use', () => {
  it('refuses a port that is not one', async () => {
    const { code, stderr } = await runScript('scripts/fake.ts', ['--port', '65536'])
    expect(code).toBe(2)
    expect(stderr.trim()).toBe('fake: --port must be 0–65535, not "65536"')
  })

  it('says a port is taken, in one line', async () => {
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const { port } = taken.address() as { port: number }
    try {
      const { code, stderr } = await runScript('scripts/fake.ts', ['--port', String(port)])
      expect(code).toBe(2)
      expect(stderr.trim()).toBe(
        `fake: port ${port} is already in use: stop what serves there, or pick another --port`,
      )
    } finally {
      taken.close()
    }
  }, 60_000)
})
