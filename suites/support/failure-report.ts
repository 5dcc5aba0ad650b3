// Turns a failed check into a message a person can act on: what broke, how to replay it, the
// shrunk request, the response, and a curl command. Credentials never appear.
import type { Operation } from '../../contracts/operations.ts'
import { toCurl } from './curl.ts'
import type { Exchange } from './exchange.ts'
import type { CheckOutcome } from './property.ts'

export type FailureContext = {
  operation: Operation
  checkName: string
  runSeed: number
}

export function formatFailure(
  outcome: Exclude<CheckOutcome, { status: 'passed' }>,
  context: FailureContext,
): string {
  const { operation, checkName, runSeed } = context
  const headline =
    outcome.status === 'violated'
      ? [`${checkName}: ${operation.id}`, ...outcome.violations.map((v) => `  - ${v.message}`)]
      : [`target_error: ${operation.id} (while checking ${checkName})`, `  - ${outcome.error}`]
  return [
    ...headline,
    '',
    `Replay: npm run conformance -- --seed ${runSeed} --operations '${operation.id}'`,
    `  (fast-check seed ${outcome.seed}, path "${outcome.path}", after ${outcome.runs} run(s))`,
    '',
    outcome.status === 'violated' ? 'Shrunk request:' : 'Request:',
    indent(pretty(outcome.exchange.request.body ?? outcome.exchange.request.query)),
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
  return [`Response: ${response.status} ${contentType}`, indent(truncate(body, 4000))]
}

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? 'undefined'
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n… (${text.length - max} more characters)`
}
