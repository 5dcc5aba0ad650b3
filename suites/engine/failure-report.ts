// Turns a failed check into a message a person can act on: what broke, how to replay it, the
// shrunk request, the response, and a curl command. Credentials never appear.
import type { Exchange } from '../../contracts/exchange.ts'
import { toCurl } from './curl.ts'
import type { TargetFailure, ViolationFound } from './events.ts'

export type FailedCheck = ViolationFound<Exchange> | TargetFailure<Exchange>

/** The report of a failed check; `rule` is what the check holds the target to. */
export function formatFailure(failed: FailedCheck, rule: string): string {
  const { operation, check } = failed
  const { request } = failed.exchange
  const headline =
    failed.type !== 'violation'
      ? [`target_error: ${operation.id} (while checking ${check})`, `  - ${failed.error}`]
      : failed.category === 'spec'
        ? [
            `${check}: ${operation.id} (spec finding: the spec's own fault, not the target's)`,
            ...failed.violations.map((v) => `  - ${v.message} (${v.spec ?? ''})`),
          ]
        : [`${check}: ${operation.id}`, ...failed.violations.map((v) => `  - ${v.message}`)]
  return [
    ...headline,
    '',
    `Rule: ${rule}`,
    `Replay: ${failed.replay}`,
    `  (fast-check seed ${failed.seed}, path "${failed.path}", after ${failed.runs} run(s))`,
    '',
    ...(request.invalid === undefined ? [] : [`Invalid by design: ${request.invalid.label}`]),
    failed.type === 'violation' ? 'Shrunk request:' : 'Request:',
    indent(request.rawBody ?? pretty(request.body ?? request.query)),
    '',
    ...describeResponse(failed.exchange),
    '',
    'curl:',
    `  ${toCurl(failed.exchange.wire)}`,
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
