// The gate's report: the coverage both ways, then every failure with its check, what the SDK did,
// the parameters, the mock's answer and a curl replay. Credentials never appear.
import { toCurl } from '../engine/curl.ts'
import { REDACTED, scrubSecrets } from '../../contracts/credentials.ts'
import { indent, truncate } from '../engine/failure-report.ts'
import type { MockRequest } from '../../mock/server.ts'
import { ANSWER_CHECKS } from './answer-checks.ts'
import { describeOutcome } from './checks/describe.ts'
import { SDK_CHECKS } from './checks/index.ts'
import type { GateCase, GateFailure, GateResult } from './gate.ts'
import { KNOWN_CONVENTIONS } from './conventions.ts'
import { KNOWN_FINDINGS, type KnownFinding } from './known-findings.ts'

/** What a replay line needs: everything that changes which calls are made. */
import { type GateSettings, replayCommand } from './replay.ts'

export { type GateSettings, replayCommand }

export function formatCoverage(result: GateResult): string {
  const { coverage } = result
  const lines = [
    `SDK coverage (${result.sdk}):`,
    `  ${coverage.bound.length} SDK methods map to a spec operation`,
    `  ${coverage.withoutSdkMethod.length} spec operations have no SDK method`,
    `  ${coverage.otherMethods.length} spec operations sit on a path the SDK calls with another method`,
    `  ${coverage.withoutOperation.length} SDK methods have no spec operation`,
  ]
  if (coverage.withoutSdkMethod.length > 0) {
    lines.push('', 'Spec operations without an SDK method:')
    lines.push(...coverage.withoutSdkMethod.map((operation) => `  ${operation.id}`))
  }
  if (coverage.withoutOperation.length > 0) {
    lines.push('', 'SDK methods without a spec operation:')
    lines.push(
      ...coverage.withoutOperation.map(
        ({ sdkPath, sends }) => `  ${sdkPath}${sends === undefined ? '' : ` (sends ${sends})`}`,
      ),
    )
  }
  return lines.join('\n')
}

/**
 * Known conventions and findings seen in the run, once each with where (and, for a convention, the
 * releases it is known in), so an accepted one stays in sight.
 */
export function formatAccepted(result: GateResult): string | undefined {
  const lines = (kind: KnownFinding['kind']) =>
    result.accepted.flatMap(({ id, operations }) => {
      const known = [...KNOWN_CONVENTIONS, ...KNOWN_FINDINGS].find((candidate) => candidate.id === id)
      if ((known?.kind ?? 'finding') !== kind) return []
      const where =
        operations.slice(0, 3).join(', ') +
        (operations.length > 3 ? `, … (${operations.length} operations)` : '')
      return [
        `  ${known?.check ?? '?'}: ${id}, seen on ${where}`,
        `    ${known?.summary ?? ''}`,
        ...(kind === 'convention' ? [`    in ${result.sdk}; known in ${known?.versions ?? '?'}`] : []),
      ]
    })
  const sections = [
    section(
      'Known SDK conventions (the SDK adds them by its own rule; accepted, see docs/sdk-known-findings.md):',
      lines('convention'),
    ),
    section('Known SDK findings (reported, not failing; see docs/sdk-known-findings.md):', lines('finding')),
  ].filter((text) => text !== undefined)
  return sections.length === 0 ? undefined : sections.join('\n\n')
}

function section(title: string, lines: string[]): string | undefined {
  return lines.length === 0 ? undefined : [title, ...lines].join('\n')
}

/**
 * Calls whose answer said nothing about the SDK (no answer, a route the target lacks, its own
 * failure), one line per operation and reason with the checks and cases it stopped: a live run
 * against a partial target has hundreds, and their full reports are in the JUnit and Allure results.
 */
export function formatTargetFailures(result: GateResult): string | undefined {
  const lines = new Map<string, { checks: Set<string>; cases: Set<string> }>()
  for (const failure of result.failures) {
    if (failure.kind !== 'target_failure') continue
    const key = `${failure.operation.id} — ${failure.violations[0]?.message ?? ''}`
    const line = lines.get(key) ?? { checks: new Set(), cases: new Set() }
    for (const { check } of failure.violations) line.checks.add(check)
    line.cases.add(failure.case)
    lines.set(key, line)
  }
  if (lines.size === 0) return undefined
  return [
    `Target failures (${lines.size}: the answer says nothing about the SDK, so these checks could not judge it):`,
    ...[...lines].map(
      ([key, { checks, cases }]) => `  ${key} (${[...checks].join(', ')}; ${[...cases].join(', ')})`,
    ),
  ].join('\n')
}

/** The operations on a path the SDK calls with another method: long, so for the report file only. */
export function formatOtherMethods(result: GateResult): string {
  const lines = result.coverage.otherMethods.map((operation) => `  ${operation.id}`)
  return ['Spec operations on a path the SDK calls with another method:', ...lines].join('\n')
}

export function formatFailure(failure: GateFailure, settings: GateSettings, secrets: string[]): string {
  const { operation, call } = failure
  const checks = [...new Set(failure.violations.map((violation) => violation.check))]
  const rules = [...SDK_CHECKS, ...ANSWER_CHECKS]
    .filter((check) => checks.includes(check.name))
    .map((check) => `Rule: ${check.description}`)
  const received = call.received[0]
  const server = settings.endpoint === undefined ? 'Mock' : 'Server'
  const headline =
    failure.kind === 'violation'
      ? `${checks.join(', ')}: ${operation.id}`
      : `target_failure: ${operation.id} (while checking ${checks.join(', ')})`
  const text = [
    `${headline} (SDK ${failure.sdkPath}, ${caseLabel(failure.case)})`,
    ...failure.violations.map((violation) =>
      failure.kind === 'violation'
        ? `  - ${violation.check}: ${violation.message}`
        : `  - ${violation.message}`,
    ),
    '',
    ...rules,
    `Replay: ${replayCommand(settings, operation.id)}`,
    ...(failure.property === undefined
      ? []
      : [
          `  (fast-check seed ${failure.property.seed}, path "${failure.property.path}", after ${failure.property.runs} run(s))`,
        ]),
    '',
    failure.case === 'valid' ? 'Shrunk parameters:' : 'Parameters:',
    indent(JSON.stringify(call.parameters, null, 2) ?? 'undefined'),
    '',
    `SDK: ${describeOutcome(call.outcome)}`,
    ...(received === undefined
      ? [`${server}: received no request`]
      : [
          `${server} answered: ${received.response.status}${requestIdOf(received.response.headers)}`,
          indent(truncate(received.response.body, 4000)),
          '',
          'curl:',
          `  ${curlFor(received.request, failure, settings.endpoint)}`,
        ]),
  ].join('\n')
  return scrubSecrets(text, secrets)
}

/** What a case of the gate is, in words. */
export function caseLabel(scenario: string): string {
  switch (scenario as GateCase) {
    case 'valid':
      return 'valid parameters'
    case 'invalid_input':
      return 'invalid parameters, expecting a 400'
    case 'unauthorized':
      return 'a wrong credential, expecting a 401'
    case 'api_error':
      return 'a scripted API error'
    case 'not_found':
      return 'an ID the workspace never had, expecting a 404'
    default:
      return scenario
  }
}

function requestIdOf(headers: Record<string, string>): string {
  const id = headers['seam-request-id']
  return id === undefined ? '' : ` (seam-request-id ${id})`
}

/** The request the SDK sent, replayable against the live endpoint, or a mock started with `npm run mock`. */
function curlFor(request: MockRequest, failure: GateFailure, endpoint = 'http://127.0.0.1:4010'): string {
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(request.query)) {
    for (const item of Array.isArray(value) ? value : [value]) query.append(name, item)
  }
  const search = query.toString()
  const workspace = request.headers['seam-workspace']
  return toCurl({
    method: request.method,
    url: `${endpoint}${request.path}${search === '' ? '' : `?${search}`}`,
    headers: {
      authorization: `Bearer ${REDACTED}`,
      ...(workspace === undefined ? {} : { 'seam-workspace': workspace }),
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    secretVariable: secretVariableFor(failure),
  })
}

function secretVariableFor(failure: GateFailure): string {
  const authorization = failure.call.received[0]?.request.headers.authorization ?? ''
  if (authorization.startsWith('Bearer seam_at')) return 'SEAM_PERSONAL_ACCESS_TOKEN'
  if (authorization.startsWith('Bearer seam_cst')) return 'SEAM_CLIENT_SESSION_TOKEN'
  if (authorization.startsWith('Bearer ey')) return 'SEAM_CONSOLE_SESSION_TOKEN'
  return 'SEAM_API_KEY'
}
