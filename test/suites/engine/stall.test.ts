// A target that stops answering: after three timeouts in a row on an operation the rest of its
// cases are not sent, each property that met it is one target failure with the count, and the run
// moves on. Cases in flight never exceed the run's concurrency, so none waits out its deadline in a
// queue of our own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Exchange } from '../../../contracts/exchange.ts'
import { type RunningMock, startMock } from '../../../mock/server.ts'
import type { TargetFailure, Verdict } from '../../../suites/engine/events.ts'
import { createSlots } from '../../../suites/engine/slots.ts'
import {
  createStallGuard,
  NOTHING_ANSWERED,
  NotSent,
  stallMessage,
  stoppedAnswering,
} from '../../../suites/engine/stall.ts'
import { conformanceFindings, MOCK_SECRETS } from '../../helpers/conformance.ts'
import { negativePlan } from '../../../suites/scenarios/negative.ts'
import { positivePlan } from '../../../suites/scenarios/positive.ts'
import { selectOperations } from '../../../contracts/selection.ts'
import { operation, operations, seedOperations } from '../../helpers/model.ts'

const OPERATION = { key: 'operation 0', what: 'this operation' }
const KIND = { key: 'kind body: not JSON', what: 'requests with "body: not JSON"', acrossOperations: 2 }

describe('stallMessage', () => {
  it('says how many cases were held back, and nothing of it when none was', () => {
    const stall = { key: 'operation 1', what: 'this operation' }
    expect(stallMessage(stall, { timeouts: 3, notSent: 0 }, 'timeout')).toBe(
      'the target stopped answering this operation: 3 requests in a row timed out (timeout)',
    )
    expect(stallMessage(stall, { timeouts: 3, notSent: 2 }, 'timeout')).toMatch(
      /; 2 further case\(s\) not sent$/,
    )
  })
})

describe('createStallGuard', () => {
  it('stops an operation after three timeouts in a row, and counts what it holds back', () => {
    const guard = createStallGuard<string>()
    guard.note([OPERATION], 'a', 'timeout', 'A')
    guard.note([OPERATION], 'b', 'timeout', 'A')
    expect(guard.stoppedBy([OPERATION])).toBeUndefined()
    guard.note([OPERATION], 'c', 'timeout', 'A')
    expect(guard.stoppedBy([KIND, OPERATION])).toBe(OPERATION)
    expect(guard.hold(OPERATION)).toBeInstanceOf(NotSent)
    guard.hold(OPERATION)
    expect(guard.stalled(OPERATION)).toEqual({ timeouts: 3, notSent: 2, last: 'c' })
  })

  it('starts counting again after a complete answer; other failures neither count nor reset', () => {
    const guard = createStallGuard<string>()
    guard.note([OPERATION], 'a', 'timeout', 'A')
    guard.note([OPERATION], 'b', 'timeout', 'A')
    guard.note([OPERATION], 'ok', 'answered', 'A')
    guard.note([OPERATION], 'c', 'timeout', 'A')
    guard.note([OPERATION], 'refused', 'other_failure', 'A')
    guard.note([OPERATION], 'd', 'timeout', 'A')
    expect(guard.stoppedBy([OPERATION])).toBeUndefined()
    guard.note([OPERATION], 'e', 'timeout', 'A')
    expect(guard.stalled(OPERATION)).toMatchObject({ timeouts: 3, last: 'e' })
  })

  it('stops a kind of request only once its timeouts came from two operations or more', () => {
    const guard = createStallGuard<string>()
    for (const answer of ['a', 'b', 'c', 'd']) guard.note([KIND], answer, 'timeout', 'A')
    expect(guard.stoppedBy([KIND])).toBeUndefined()
    guard.note([KIND], 'e', 'timeout', 'B')
    expect(guard.stoppedBy([KIND])).toBe(KIND)
    expect(guard.hold(KIND).reason).toBe(
      'not sent: the target had stopped answering requests with "body: not JSON"',
    )
  })
})

describe('the stall of a target that has answered nothing', () => {
  it('stops everything once timeouts in a row came from three operations', () => {
    const guard = createStallGuard<string>()
    for (const [answer, operation] of [
      ['a', 'A'],
      ['b', 'A'],
      ['c', 'A'],
      ['d', 'B'],
    ])
      guard.note([NOTHING_ANSWERED], answer as string, 'timeout', operation as string)
    expect(guard.stoppedBy([NOTHING_ANSWERED])).toBeUndefined()
    guard.note([NOTHING_ANSWERED], 'e', 'timeout', 'C')
    expect(guard.stoppedBy([OPERATION, NOTHING_ANSWERED])).toBe(NOTHING_ANSWERED)
  })

  it('never counts again once the target has answered anything', () => {
    const guard = createStallGuard<string>()
    guard.note([NOTHING_ANSWERED], 'a', 'timeout', 'A')
    guard.note([NOTHING_ANSWERED], 'ok', 'answered', 'B')
    for (const operation of ['C', 'D', 'E', 'F', 'G'])
      guard.note([NOTHING_ANSWERED], operation, 'timeout', operation)
    expect(guard.stoppedBy([NOTHING_ANSWERED])).toBeUndefined()
  })
})

describe('the stall of a target that answered, then stopped', () => {
  it('stops everything after more timeouts in a row than twice the cases in flight, from three operations', () => {
    const stall = stoppedAnswering(2)
    expect(stall.inARow).toBe(2 * 2 + 3)
    const guard = createStallGuard<string>()
    guard.note([stall], 'ok', 'answered', 'A')
    const operations = ['A', 'A', 'A', 'A', 'A', 'B', 'C']
    operations.slice(0, -1).forEach((operation, at) => guard.note([stall], `t${at}`, 'timeout', operation))
    expect(guard.stoppedBy([stall])).toBeUndefined()
    guard.note([stall], 't6', 'timeout', 'C')
    expect(guard.stoppedBy([OPERATION, stall])).toBe(stall)
    expect(guard.hold(stall).reason).toBe('not sent: the target had stopped answering anything')
  })

  it('needs the row from three operations, and starts again at any answer', () => {
    const stall = stoppedAnswering(2)
    const guard = createStallGuard<string>()
    for (let at = 0; at < 20; at++) guard.note([stall], `a${at}`, 'timeout', at < 10 ? 'A' : 'B')
    expect(guard.stoppedBy([stall])).toBeUndefined()
    guard.note([stall], 'ok', 'answered', 'C')
    for (const operation of ['C', 'D', 'E', 'C', 'D', 'E'])
      guard.note([stall], operation, 'timeout', operation)
    expect(guard.stoppedBy([stall])).toBeUndefined()
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
// The server stops after this many requests, a few operations into forty.
const ANSWERED_FIRST = 60
const ACS_OPERATIONS = selectOperations(operations, '/acs').slice(0, 40)
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
        /^the target stopped answering this operation: 3 requests in a row timed out \(timeout: no complete response within 2000 ms\); \d+ further case\(s\) not sent$/,
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

describe('a server that answers nothing at all', () => {
  let mock: RunningMock
  let hung = 0
  beforeAll(async () => {
    mock = await startMock({ accepted: MOCK_SECRETS, hang: () => ++hung > 0 })
  })
  afterAll(() => mock.close())

  it('is given up after three operations, not one deadline per operation and suite', async () => {
    const verdicts = await conformanceFindings(mock.url, seedOperations, { runs: 20, timeoutMs: 1000 })
    const failed = failures(verdicts) as TargetFailure<Exchange>[]
    expect(new Set(failed.map((v) => v.type))).toEqual(new Set(['target_failure']))
    // Every operation of every suite that had cases to send failed, most without a request.
    const operations = new Set(failed.map((v) => v.operation.id))
    expect(operations.size).toBe(seedOperations.length)
    expect(failed.map((v) => v.error)).toContainEqual(
      expect.stringMatching(
        /^the target stopped answering anything, having answered none of the suite's requests: \d+ requests in a row timed out \(timeout: no complete response within 1000 ms\); \d+ further case\(s\) not sent$/,
      ),
    )
    // Waiting out one deadline per operation and suite (24 of them, eight requests in flight each)
    // sent 219 requests in 30 s; given up after three operations, each suite sends about three rounds
    // (78, in 12 s). The time follows the requests: a bound on them, not a timed assertion.
    expect(hung).toBeLessThan(120)
  })
})

/** A loopback mock that answers its first ANSWERED_FIRST requests and then none, counting those. */
function stopsAnswering() {
  const state = { mock: undefined as RunningMock | undefined, hung: 0 }
  let received = 0
  beforeAll(async () => {
    state.mock = await startMock({
      accepted: MOCK_SECRETS,
      hang: () => {
        const hangs = ++received > ANSWERED_FIRST
        if (hangs) state.hung++
        return hangs
      },
    })
  })
  afterAll(() => state.mock?.close())
  return state
}

describe('a server that answers, then stops answering anything', () => {
  const server = stopsAnswering()

  it('is given up after a few rounds, not one deadline per operation left', async () => {
    const verdicts = await conformanceFindings(server.mock?.url ?? '', ACS_OPERATIONS, {
      plans: [positivePlan],
      runs: 10,
      timeoutMs: 1000,
    })
    const failed = failures(verdicts) as TargetFailure<Exchange>[]
    expect(new Set(failed.map((v) => v.type))).toEqual(new Set(['target_failure']))
    expect(failed.map((v) => v.error)).toContainEqual(
      expect.stringMatching(
        /^the target stopped answering anything: 19 requests in a row timed out \(timeout: no complete response within 1000 ms\); \d+ further case\(s\) not sent$/,
      ),
    )
    // Each operation left when the server stopped waited out a deadline, eight requests in flight:
    // 308 hung requests in 40 s. Given up after three of them: 26 in 4.5 s. A bound on the
    // requests, not a timed assertion.
    expect(server.hung).toBeLessThan(50)
  })
})

describe('a live run against a server that answers, then stops answering anything', () => {
  const server = stopsAnswering()

  it('keeps trying each operation: --max-run-ms bounds it, and an outage costs only what it met', async () => {
    const operations = ACS_OPERATIONS.slice(0, 12)
    const verdicts = await conformanceFindings(server.mock?.url ?? '', operations, {
      plans: [positivePlan],
      runs: 10,
      timeoutMs: 1000,
      target: 'live',
    })
    const errors = (failures(verdicts) as TargetFailure<Exchange>[]).map((v) => v.error)
    expect(errors.length).toBeGreaterThan(0)
    expect(errors).not.toContainEqual(expect.stringContaining('stopped answering anything'))
    expect(errors).toContainEqual(expect.stringContaining('the target stopped answering this operation'))
  })
})

describe('a server that never answers a body that is not JSON (like Prism 5.16)', () => {
  let mock: RunningMock
  let hung = 0
  beforeAll(async () => {
    mock = await startMock({
      accepted: MOCK_SECRETS,
      hang: (_request, rawBody) => {
        if (rawBody === '') return false
        try {
          JSON.parse(rawBody)
          return false
        } catch {
          hung++
          return true
        }
      },
    })
  })
  afterAll(() => mock.close())

  it('stops sending such bodies once two operations let three in a row time out, and ends quickly', async () => {
    const bodyOperations = seedOperations.filter((candidate) => candidate.input.in === 'body')
    const started = performance.now()
    const verdicts = await conformanceFindings(mock.url, bodyOperations, {
      plans: [negativePlan],
      runs: 100,
      timeoutMs: 2000,
    })
    const seconds = (performance.now() - started) / 1000
    const failed = failures(verdicts) as TargetFailure<Exchange>[]
    expect(new Set(failed.map((v) => v.type))).toEqual(new Set(['target_failure']))
    expect(failed.map((v) => v.error)).toContainEqual(
      expect.stringMatching(
        /^the target stopped answering requests with "body: not JSON": \d+ requests in a row timed out \(timeout: no complete response within 2000 ms\); \d+ further case\(s\) not sent$/,
      ),
    )
    // One kind never answered is not a target that stopped answering.
    expect(failed.map((v) => v.error)).not.toContainEqual(
      expect.stringContaining('stopped answering anything:'),
    )
    const notSent = Math.max(...failed.map((v) => v.stalled?.notSent ?? 0))
    // Every such body would wait out its deadline: here only those sent before the stall showed.
    expect(hung).toBeLessThan(20)
    expect(notSent).toBeGreaterThan(0)
    expect(seconds).toBeLessThan(30)
  })
})
