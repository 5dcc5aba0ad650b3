// Evidence in the Allure report: a failure carries its request, response, shrunk counterexample,
// seed and path, and a curl replay; a sampled pass carries one example exchange. Every text goes
// through redaction first.
import * as allure from 'allure-js-commons'

import { fnv1a } from '../../../contracts/hash.ts'
import { toCurl } from '../../engine/curl.ts'
import type { Exchange } from '../../../contracts/exchange.ts'
import type { FailedCheck } from '../../engine/failure-report.ts'
import { readJson } from '../../../contracts/json.ts'
import { redactForReport } from './redact.ts'

/** One pass in this many carries an example exchange; which ones is fixed by the test's name. */
export const PASS_SAMPLE_RATE = 8

export function samplesPass(operationId: string, scenario: string, check: string): boolean {
  return (fnv1a(`${operationId} ${scenario} ${check}`) >>> 0) % PASS_SAMPLE_RATE === 0
}

export async function attachFailure(failed: FailedCheck, secrets: string[]): Promise<void> {
  const text = (value: string) => redactForReport(value, secrets)
  const json = (value: unknown) => text(JSON.stringify(value, null, 2) ?? 'null')
  await attachExchange(failed.exchange, secrets)
  await allure.attachment(
    failed.type === 'violation' ? 'counterexample (shrunk request)' : 'request that met the error',
    json(failed.exchange.request),
    'application/json',
  )
  await allure.attachment(
    'seed and path',
    json({ replay: failed.replay, fastCheckSeed: failed.seed, path: failed.path, runs: failed.runs }),
    'application/json',
  )
}

/** The request as sent and the response as received, and the curl line that replays them. */
export async function attachExchange(exchange: Exchange, secrets: string[]): Promise<void> {
  const json = (value: unknown) => redactForReport(JSON.stringify(value, null, 2) ?? 'null', secrets)
  const { wire, response } = exchange
  await allure.attachment(
    'request',
    json({ method: wire.method, url: wire.url, headers: wire.headers, body: parsed(wire.body) }),
    'application/json',
  )
  await allure.attachment(
    'response',
    json(
      response === undefined
        ? { error: exchange.error ?? 'no response' }
        : { status: response.status, headers: response.headers, body: response.json ?? response.text },
    ),
    'application/json',
  )
  await allure.attachment('curl', redactForReport(toCurl(wire), secrets), 'text/plain')
}

function parsed(body: string | undefined): unknown {
  const read = body === undefined ? {} : readJson(body)
  return 'json' in read ? read.json : body
}
