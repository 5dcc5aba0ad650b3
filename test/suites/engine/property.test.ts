// The property runner: deterministic for a seed, shrinks violations, and turns a hung server into
// a reported target error instead of a hang.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { validRequest } from '../../../contracts/arbitraries/request.ts'
import { voidShape } from '../../../suites/checks/void-shape.ts'
import { createClient } from '../../../suites/transport/client.ts'
import type { Exchange } from '../../../contracts/exchange.ts'
import { formatFailure } from '../../../suites/engine/failure-report.ts'
import { operationSeed, runCheck } from '../../../suites/engine/property.ts'
import { httpTarget, type Send } from '../../../suites/engine/target.ts'
import { replayCommand } from '../../../suites/support/conformance-plan.ts'
import { operation, validators } from '../../helpers/model.ts'

const grant = operation('POST /user_identities/grant_access_to_device')

// Answers {} whenever the device_id starts with a digit: a fault only some requests meet.
const sometimesEmpty: Send = async (request) => {
  const body = request.body as { device_id: string }
  const json = /^\d/.test(body.device_id) ? {} : { ok: true }
  return {
    request,
    wire: { method: 'POST', url: `http://h${request.path}`, headers: {}, body: JSON.stringify(body) },
    response: {
      status: 200,
      headers: { 'content-type': 'application/json' },
      text: JSON.stringify(json),
      json,
      durationMs: 1,
    },
  } satisfies Exchange
}

const options = (send: Send, seed: number) => ({
  check: voidShape,
  context: { operation: grant, validators },
  requests: validRequest(grant),
  target: httpTarget(send),
  send,
  seed,
  runs: 100,
})

describe('runCheck', () => {
  it('finds, shrinks and reports the same counterexample for the same seed', async () => {
    const first = await runCheck(options(sometimesEmpty, 11))
    const second = await runCheck(options(sometimesEmpty, 11))
    expect(first.status).toBe('violated')
    expect(second).toEqual(first)
    if (first.status !== 'violated') return
    expect((first.exchange.request.body as { device_id: string }).device_id).toBe(
      '00000000-0000-4000-8000-000000000000',
    )
    const report = formatFailure(
      {
        type: 'violation',
        operation: grant,
        scenario: 'valid',
        check: voidShape.name,
        severity: voidShape.severity,
        category: 'contract_violation',
        violations: first.violations,
        exchange: first.exchange,
        seed: first.seed,
        path: first.path,
        runs: first.runs,
        replay: replayCommand({ seed: 11, runs: 100, rules: 'seam' }, grant.id, voidShape.name),
      },
      voidShape.description,
    )
    expect(report.split('\n').slice(0, 5)).toEqual([
      'void_shape: POST /user_identities/grant_access_to_device',
      '  - "ok" is missing, expected true',
      '',
      'Rule: A void operation answers {"ok": true} plus only what its 200 schema documents.',
      `Replay: npm run conformance -- --seed 11 --operations 'POST /user_identities/grant_access_to_device' --checks void_shape`,
    ])
  })

  it('passes when every answer keeps the rule', async () => {
    const always: Send = async (request) => ({
      ...(await sometimesEmpty({ ...request, body: { device_id: 'a' } })),
      request,
    })
    expect(await runCheck(options(always, 3))).toEqual({ status: 'passed', runs: 100 })
  })

  it('stops shrinking when its shrink budget is spent and reports the last failing case', async () => {
    let sends = 0
    let sendsAtFirstFailure: number | undefined
    const slow: Send = async (request) => {
      sends++
      await new Promise((resolve) => setTimeout(resolve, 20))
      const exchange = await sometimesEmpty(request)
      if (exchange.response?.json !== undefined && !('ok' in (exchange.response.json as object)))
        sendsAtFirstFailure ??= sends
      return exchange
    }
    const unbounded = await runCheck(options(sometimesEmpty, 11))
    const outcome = await runCheck({ ...options(slow, 11), shrinkBudgetMs: 100 })
    expect(outcome.status).toBe('violated')
    if (outcome.status !== 'violated' || unbounded.status !== 'violated') return
    // A handful of shrink steps at 20 ms each, where shrinking to the end takes many more.
    expect(sends - (sendsAtFirstFailure ?? 0)).toBeLessThanOrEqual(8)
    expect(unbounded.path.split(':').length).toBeGreaterThan(outcome.path.split(':').length)
    expect((outcome.exchange.request.body as { device_id: string }).device_id).toMatch(/^\d/)
  })

  it('stops at a target error: no shrinking of a large request, one request sent', async () => {
    const related = operation('POST /access_grants/get_related')
    let sent = 0
    const unanswered: Send = async (request) => {
      sent++
      return { request, wire: { method: 'POST', url: 'http://h', headers: {} }, error: 'connection refused' }
    }
    // A seed whose first request has a shrink tree of tens of thousands of candidates.
    const outcome = await runCheck({
      ...options(unanswered, 1),
      context: { operation: related, validators },
      requests: validRequest(related),
      seed: operationSeed(1, 'POST /access_grants/get_related valid'),
    })
    expect(outcome.status).toBe('target_error')
    expect(sent).toBe(1)
  })

  it('gives every operation its own seed, stable for a run seed', () => {
    expect(operationSeed(1, 'POST /a')).toBe(operationSeed(1, 'POST /a'))
    expect(operationSeed(1, 'POST /a')).not.toBe(operationSeed(1, 'POST /b'))
    expect(operationSeed(1, 'POST /a')).not.toBe(operationSeed(2, 'POST /a'))
  })
})

describe('runCheck against a server that never answers', () => {
  const server = createServer(() => {})
  let endpoint = ''
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => {
    server.closeAllConnections()
    server.close()
  })

  it('reports a timeout as a target error of that case, with its request', async () => {
    const client = createClient({
      endpoint,
      auth: { primary: 'api_key', apiKey: 'seam_x' },
      timeoutMs: 200,
    })
    const outcome = await runCheck({ ...options((request) => client.send(request), 1), runs: 5 })
    await client.close()
    expect(outcome.status).toBe('target_error')
    if (outcome.status !== 'target_error') return
    expect(outcome.error).toBe('timeout: no complete response within 200 ms')
    expect(outcome.exchange.wire.headers.authorization).toBe('Bearer [REDACTED]')
  })
})
