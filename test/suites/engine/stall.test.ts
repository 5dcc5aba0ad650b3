// A target that stops answering: after three timeouts in a row on an operation the rest of its
// cases are not sent, each property that met it is one target failure with the count, and the run
// moves on. Cases in flight never exceed the run's concurrency, so none waits out its deadline in a
// queue of our own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Exchange } from '../../../contracts/exchange.ts'
import { type RunningMock, startMock } from '../../../mock/server.ts'
import type { TargetFailure, Verdict } from '../../../suites/engine/events.ts'
import { createSlots } from '../../../suites/engine/slots.ts'
import { createStallGuard, NotSent } from '../../../suites/engine/stall.ts'
import { conformanceFindings, MOCK_SECRETS } from '../../helpers/conformance.ts'
import { operation } from '../../helpers/model.ts'

describe('createStallGuard', () => {
  it('stops an operation after three timeouts in a row, and counts what it holds back', () => {
    const guard = createStallGuard<string>()
    guard.note(0, 'a', 'timeout')
    guard.note(0, 'b', 'timeout')
    expect(guard.stopped(0)).toBe(false)
    guard.note(0, 'c', 'timeout')
    expect(guard.stopped(0)).toBe(true)
    expect(guard.stopped(1)).toBe(false)
    expect(guard.hold(0)).toBeInstanceOf(NotSent)
    guard.hold(0)
    expect(guard.stalled(0)).toEqual({ timeouts: 3, notSent: 2, last: 'c' })
  })

  it('starts counting again after a complete answer; other failures neither count nor reset', () => {
    const guard = createStallGuard<string>()
    guard.note(0, 'a', 'timeout')
    guard.note(0, 'b', 'timeout')
    guard.note(0, 'ok', 'answered')
    guard.note(0, 'c', 'timeout')
    guard.note(0, 'refused', 'other_failure')
    guard.note(0, 'd', 'timeout')
    expect(guard.stopped(0)).toBe(false)
    guard.note(0, 'e', 'timeout')
    expect(guard.stalled(0)).toMatchObject({ timeouts: 3, last: 'e' })
  })
})

describe('createSlots', () => {
  it('runs at most `size` tasks at once, the lowest priority number first', async () => {
    const slots = createSlots(2)
    let running = 0
    let most = 0
    const started: string[] = []
    const task = (name: string, priority: number) =>
      slots(priority, async () => {
        started.push(name)
        most = Math.max(most, ++running)
        await new Promise((resolve) => setTimeout(resolve, 5))
        running--
      })
    await Promise.all([task('a', 2), task('b', 2), task('c', 2), task('d', 0), task('e', 1)])
    expect(most).toBe(2)
    expect(started).toEqual(['a', 'b', 'd', 'e', 'c'])
  })
})

const GRANT = 'POST /user_identities/grant_access_to_device'
const failures = (verdicts: Verdict<Exchange>[]) =>
  verdicts.filter((v) => v.type === 'violation' || v.type === 'target_failure')

describe('a server that stops answering one operation', () => {
  let mock: RunningMock
  let hung = 0
  beforeAll(async () => {
    mock = await startMock({
      accepted: MOCK_SECRETS,
      hang: (request) => {
        const stops = `${request.method} ${request.path}` === GRANT
        if (stops) hung++
        return stops
      },
    })
  })
  afterAll(() => mock.close())

  it('is one target failure per property with the count, sends little to it, and leaves the others alone', async () => {
    const operations = [
      GRANT,
      'PUT /user_identities/grant_access_to_device',
      'POST /acs/entrances/grant_access',
    ]
    const started = performance.now()
    const verdicts = await conformanceFindings(mock.url, operations.map(operation), {
      runs: 40,
      timeoutMs: 2000,
    })
    const seconds = (performance.now() - started) / 1000
    const failed = failures(verdicts)
    expect(failed.length).toBeGreaterThan(0)
    for (const verdict of failed) {
      expect(verdict.operation.id).toBe(GRANT)
      expect(verdict.type).toBe('target_failure')
      const { error, stalled } = verdict as TargetFailure<Exchange>
      expect(error).toMatch(
        /^the target stopped answering: 3 requests in a row timed out \(timeout: no complete response within 2000 ms\); \d+ further case\(s\) of this operation not sent$/,
      )
      expect(stalled?.timeouts).toBe(3)
      expect(stalled?.notSent).toBeGreaterThan(0)
    }
    // Every case waiting out its 2 s deadline, eight at a time, would take 50 s for the three suites
    // (200 cases); given up after the first timeouts, it costs about one deadline per suite.
    expect(hung).toBeLessThanOrEqual(3 * 10)
    expect(seconds).toBeLessThan(30)
  })
})

describe('a server that never answers a body that is not JSON (like Prism 5.16)', () => {
  let mock: RunningMock
  beforeAll(async () => {
    mock = await startMock({
      accepted: MOCK_SECRETS,
      hang: (_request, rawBody) => {
        if (rawBody === '') return false
        try {
          JSON.parse(rawBody)
          return false
        } catch {
          return true
        }
      },
    })
  })
  afterAll(() => mock.close())

  it('fails only the invalid requests of body operations, as target failures, and ends quickly', async () => {
    const operations = [
      GRANT,
      'POST /acs/entrances/grant_access',
      'DELETE /user_identities/revoke_access_to_device',
    ]
    const started = performance.now()
    const verdicts = await conformanceFindings(mock.url, operations.map(operation), {
      runs: 40,
      timeoutMs: 2000,
    })
    const seconds = (performance.now() - started) / 1000
    const failed = failures(verdicts)
    expect(new Set(failed.map((v) => v.type))).toEqual(new Set(['target_failure']))
    expect(new Set(failed.map((v) => v.scenario))).toEqual(new Set(['invalid requests']))
    expect(failed.map((v) => v.operation.id)).not.toContain('DELETE /user_identities/revoke_access_to_device')
    expect(seconds).toBeLessThan(30)
  })
})
