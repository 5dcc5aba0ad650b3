// The gate's report: the coverage both ways, then every failure with its check, what the SDK did,
// the parameters, the mock's answer and a curl replay. Credentials never appear.
import { toCurl } from '../engine/curl.ts'
import { REDACTED, scrubSecrets } from '../../contracts/credentials.ts'
import { indent, truncate } from '../engine/failure-report.ts'
import type { MockRequest } from '../../mock/server.ts'
import { ANSWER_CHECKS } from './answer-checks.ts'
import { describeOutcome } from './checks/describe.ts'
import { SDK_CHECKS } from './checks/index.ts'
import type { GateFailure, GateResult } from './gate.ts'
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
  const text = [
    `${checks.join(', ')}: ${operation.id} (SDK ${failure.sdkPath}, ${caseLabel(failure)})`,
    ...failure.violations.map((violation) => `  - ${violation.check}: ${violation.message}`),
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
      ? ['Mock: received no request']
      : [
          `Mock answered: ${received.response.status}`,
          indent(truncate(received.response.body, 4000)),
          '',
          'curl:',
          `  ${curlFor(received.request, failure)}`,
        ]),
  ].join('\n')
  return scrubSecrets(text, secrets)
}

function caseLabel(failure: GateFailure): string {
  switch (failure.case) {
    case 'valid':
      return 'valid parameters'
    case 'invalid_input':
      return 'invalid parameters, expecting a 400'
    case 'unauthorized':
      return 'a wrong credential, expecting a 401'
    case 'api_error':
      return 'a scripted API error'
  }
}

/** The request the SDK sent, replayable against a mock started with `npm run mock`. */
function curlFor(request: MockRequest, failure: GateFailure): string {
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(request.query)) {
    for (const item of Array.isArray(value) ? value : [value]) query.append(name, item)
  }
  const search = query.toString()
  const workspace = request.headers['seam-workspace']
  return toCurl({
    method: request.method,
    url: `http://127.0.0.1:4010${request.path}${search === '' ? '' : `?${search}`}`,
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
