// Turns a failed check into a message a person can act on: what broke, how to replay it, the
// shrunk request, the response, and a curl command. Credentials never appear.
import type { Operation } from '../../contracts/operations.ts'
import type { Check } from '../checks/types.ts'
import { DEFAULTS } from '../support/config.ts'
import { toCurl } from './curl.ts'
import type { Exchange } from '../../contracts/exchange.ts'
import type { CheckOutcome } from './property.ts'

/** What a replay needs besides the operation: everything that changes which requests are sent. */
export type RunSettings = { seed: number; runs: number; endpoint?: string; rules: 'seam' | 'prism' }

export type FailureContext = {
  operation: Operation
  check: Pick<Check, 'name' | 'description'>
  run: RunSettings
}

export function replayCommand(run: RunSettings, operationId: string, check: string): string {
  const flags = [
    `--seed ${run.seed}`,
    `--operations '${operationId}'`,
    `--checks ${check}`,
    ...(run.runs === DEFAULTS.runs ? [] : [`--runs ${run.runs}`]),
    ...(run.endpoint === undefined ? [] : [`--endpoint '${run.endpoint}'`]),
    ...(run.rules === 'seam' ? [] : [`--mock ${run.rules}`]),
  ]
  return `npm run conformance -- ${flags.join(' ')}`
}

export function formatFailure(
  outcome: Exclude<CheckOutcome, { status: 'passed' }>,
  context: FailureContext,
): string {
  const { operation, check, run } = context
  const { request } = outcome.exchange
  const headline =
    outcome.status === 'violated'
      ? [`${check.name}: ${operation.id}`, ...outcome.violations.map((v) => `  - ${v.message}`)]
      : [`target_error: ${operation.id} (while checking ${check.name})`, `  - ${outcome.error}`]
  return [
    ...headline,
    '',
    `Rule: ${check.description}`,
    `Replay: ${replayCommand(run, operation.id, check.name)}`,
    `  (fast-check seed ${outcome.seed}, path "${outcome.path}", after ${outcome.runs} run(s))`,
    '',
    ...(request.invalid === undefined ? [] : [`Invalid by design: ${request.invalid.label}`]),
    outcome.status === 'violated' ? 'Shrunk request:' : 'Request:',
    indent(request.rawBody ?? pretty(request.body ?? request.query)),
    '',
    ...describeResponse(outcome.exchange),
    '',
    'curl:',
    `  ${toCurl(outcome.exchange.wire)}`,
  ].join('\n')
}

function describeResponse(exchange: Exchange): string[] {
  const response = exchange.response
  if (response === undefined) return ['Response: none']
  const contentType = response.headers['content-type'] ?? 'no content-type'
  const body = response.json === undefined ? JSON.stringify(response.text) : pretty(response.json)
  const requestId = response.requestId === undefined ? '' : ` (seam-request-id ${response.requestId})`
  return [`Response: ${response.status} ${contentType}${requestId}`, indent(truncate(body, 4000))]
}

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? 'undefined'
}

export function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n… (${text.length - max} more characters)`
}
