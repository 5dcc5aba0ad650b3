// What a live run reports besides passes: contract violations, operations the target lacks, and
// the target's own failures, each with the exchange's `seam-request-id`.
import { readErrorEnvelope } from '../../contracts/error-envelope.ts'
import type { Exchange } from '../../contracts/exchange.ts'
import {
  judgeAnswer,
  type RequestKnowledge,
  type Verdict as AnswerVerdict,
} from '../../contracts/seam-errors.ts'
import type { Verdict } from '../engine/events.ts'
import type { LiveExchange } from './live-client.ts'

/** `spec`: the target answered what the spec itself shows, and the spec's own schema refuses it. */
export type FindingKind =
  'violation' | 'operation_missing' | 'target_failure' | 'fixture_unavailable' | 'spec'

export type Finding = {
  kind: FindingKind
  /** The property (or `fixtures`) that met it. */
  property: string
  /** The path it concerns, e.g. `/user_identities/grant_access_to_device`. */
  operation: string
  detail: string
  requestId?: string
}

/** What one step met; the property it belongs to is stamped on when it is reported. */
export type StepFinding = Omit<Finding, 'property'>

/** Thrown by a step that cannot go on; the property reports it and stops. */
export class LiveFinding extends Error {
  override name = 'LiveFinding'
  readonly finding: StepFinding
  constructor(finding: StepFinding) {
    super(`${finding.kind}: ${finding.operation} — ${finding.detail}`)
    this.finding = finding
  }
}

/** Identifies a divergence across runs: what and where, not the run's IDs or timings. */
export function findingKey(finding: Finding): string {
  return `${finding.property}: ${finding.kind} ${finding.operation}`
}

export function formatFinding(finding: Finding): string {
  const id = finding.requestId === undefined ? '' : ` (seam-request-id ${finding.requestId})`
  return `${findingKey(finding)} — ${finding.detail}${id}`
}

/** The answer's JSON when it is a success; anything else stops the step with its finding. */
export function expectSuccess(exchange: LiveExchange, knowledge: RequestKnowledge): unknown {
  const verdict = judgeAnswer(exchange, knowledge)
  if (verdict.kind === 'ok') return exchange.json
  throw new LiveFinding(findingOf(exchange, verdict, 'a valid request naming existing resources'))
}

/** An error the overlay expects (a 404 for what does not exist); a success or anything else is a finding. */
export function expectNotFound(exchange: LiveExchange, what: string): void {
  const verdict = judgeAnswer(exchange, { namesOnlyExistingResources: false })
  if (verdict.kind === 'expected_error' && exchange.status === 404) return
  if (verdict.kind === 'ok' || verdict.kind === 'expected_error') {
    throw new LiveFinding({
      kind: 'violation',
      operation: exchange.path,
      detail: `${exchange.status} for ${what}, expected 404 …_not_found`,
      ...requestId(exchange),
    })
  }
  throw new LiveFinding(findingOf(exchange, verdict, what))
}

function findingOf(exchange: LiveExchange, verdict: Exclude<AnswerVerdict, { kind: 'ok' }>, what: string) {
  const base = { operation: exchange.path, ...requestId(exchange) }
  if (verdict.kind === 'expected_error') {
    const message = errorMessage(exchange.json)
    return {
      ...base,
      kind: 'violation' as const,
      detail: `${exchange.status} ${verdict.type} for ${what}${message === undefined ? '' : `: ${message}`}`,
    }
  }
  return { ...base, kind: verdict.kind, detail: verdict.reason }
}

function requestId(exchange: LiveExchange): { requestId?: string } {
  return exchange.requestId === undefined ? {} : { requestId: exchange.requestId }
}

function errorMessage(json: unknown): string | undefined {
  return readErrorEnvelope(json)?.message?.slice(0, 160)
}

/**
 * A conformance check's failure as a live finding: the check stands for the property, the method
 * follows the path (one path may take several), and the verdict's category says what kind it is.
 */
export function checkFinding(verdict: Verdict<Exchange>): Finding | undefined {
  if (verdict.type !== 'violation' && verdict.type !== 'target_failure') return undefined
  const kind: FindingKind =
    verdict.category === 'operation_missing' || verdict.category === 'spec'
      ? verdict.category
      : verdict.category === 'contract_violation'
        ? 'violation'
        : 'target_failure'
  const detail = verdict.type === 'violation' ? (verdict.violations[0]?.message ?? '') : verdict.error
  const requestId = verdict.exchange.response?.requestId
  return {
    kind,
    property: verdict.check,
    operation: `${verdict.operation.path} ${verdict.operation.method.toUpperCase()}`,
    detail,
    ...(requestId === undefined ? {} : { requestId }),
  }
}
