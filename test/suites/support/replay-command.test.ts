import { describe, expect, it } from 'vitest'

import { replayCommand } from '../../../suites/support/conformance-plan.ts'

describe('the replay line of a conformance failure', () => {
  const run = { seed: 7, runs: 100, rules: 'seam' as const }

  it('replays against the embedded mock by default', () => {
    expect(replayCommand(run, 'POST /devices/get', 'void_shape')).toBe(
      "npm run conformance -- --seed 7 --operations 'POST /devices/get' --checks void_shape",
    )
  })

  it('names live mode and the endpoint for a live run, else it would replay against the mock', () => {
    expect(
      replayCommand(
        { ...run, target: 'live', endpoint: 'http://127.0.0.1:9' },
        'POST /devices/get',
        'void_shape',
      ),
    ).toBe(
      "npm run conformance -- --target live --seed 7 --operations 'POST /devices/get' --checks void_shape --endpoint 'http://127.0.0.1:9'",
    )
  })

  it('writes a negative seed as --seed=N, which the command reads back as a value, not a flag', () => {
    expect(replayCommand({ ...run, seed: -5 }, 'POST /devices/get', 'void_shape')).toContain('--seed=-5 ')
  })
})
