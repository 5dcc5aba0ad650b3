// A stateful property's failed check as a message a person can act on: what the workspace did
// wrong, how to replay it, the shrunk input, and each request the case made with its
// seam-request-id. Bodies are left out: the exchanges file and the findings hold the rest.
import type { TargetFailure, ViolationFound } from '../engine/events.ts'
import { indent, truncate } from '../engine/failure-report.ts'
import type { LiveProperty } from './properties.ts'
import { describeStep, ruleOf, traceFindings } from './stateful-plan.ts'
import type { Trace } from './trace.ts'

export type FailedStatefulCheck = ViolationFound<Trace> | TargetFailure<Trace>

export function formatStatefulFailure(failed: FailedStatefulCheck, property: LiveProperty): string {
  const trace = failed.exchange
  const headline =
    failed.type === 'violation'
      ? `${failed.check}: ${failed.operation.id} (${failed.scenario})`
      : `target_error: ${failed.operation.id} (while checking ${failed.check})`
  return [
    headline,
    ...traceFindings(property, trace).map((finding) => `  - ${describeStep(finding)}`),
    '',
    `Rule: ${ruleOf(property, failed.check)}`,
    `Replay: ${failed.replay}`,
    `  (fast-check seed ${failed.seed}, path "${failed.path}", after ${failed.runs} run(s))`,
    '',
    failed.type === 'violation' ? 'Shrunk input:' : 'Input:',
    indent(truncate(JSON.stringify(trace.input) ?? 'undefined', 2000)),
    'Requests:',
    ...trace.exchanges.map((exchange) => {
      const answer = exchange.status === undefined ? (exchange.error ?? 'no answer') : String(exchange.status)
      const id = exchange.requestId === undefined ? '' : ` (seam-request-id ${exchange.requestId})`
      return `  ${exchange.method} ${exchange.path} → ${answer}${id}`
    }),
  ].join('\n')
}
