// The gate's verdicts as Allure results, written with allure-js-commons' reporter runtime into the
// same `allure-results/` as the conformance run, with the same labels (resource, operation, check,
// severity, suite, target, seed; the verdict as `_outcome` and `_category`), so `npm run report`
// shows the SDK's results beside the contract's, operation by operation. One result per operation
// and check, one step per case; a failed case carries its report and its evidence. The gate's own
// earlier results are replaced; everything passes a redaction of the run's secrets first.
import { Stage, Status, type Label, type StatusDetails } from 'allure-js-commons'
import { ReporterRuntime } from 'allure-js-commons/sdk/reporter'

import type { Operation } from '../../contracts/operations.ts'
import { pinnedSpecVersion } from '../../contracts/spec.ts'
import type { Severity } from '../checks/types.ts'
import { plainWriter } from '../support/allure/plain-writer.ts'
import { statusByCause } from '../support/allure/reporters.ts'
import { docsLink, testLabels } from '../support/allure/labels.ts'
import { redactForReport } from '../support/allure/redact.ts'
import {
  isSdkGateResult,
  removeResults,
  RUNNER_LABEL,
  SDK_GATE_RUNNER,
} from '../support/allure/results-dir.ts'
import { ANSWER_CHECKS } from './answer-checks.ts'
import type { BaselineComparison } from './baseline.ts'
import { SDK_CHECKS } from './checks/index.ts'
import { describeOutcome } from './checks/describe.ts'
import type { GateFailure, GateVerdict } from './gate.ts'
import { type CheckGroup, type GateReportInput, groupByCheck, groupOutcome } from './junit.ts'
import { caseLabel, formatFailure } from './report.ts'

/** The tag the gate's results carry where conformance results carry their suite. */
export const SDK_GATE_SUITE = 'sdk-gate'

export function writeGateAllure(resultsDir: string, input: GateReportInput & { summary: string }): void {
  removeResults(resultsDir, isSdkGateResult)
  const runtime = new ReporterRuntime({ writer: plainWriter(resultsDir), listeners: [statusByCause] })
  const specVersion = pinnedSpecVersion()
  const redact = (text: string) => redactForReport(text, input.secrets)
  const { result } = input
  let clock = input.startedAt.getTime()
  const common = (
    operation: Pick<Operation, 'id' | 'path'>,
    check: { name: string; severity: Severity },
  ): Label[] => [
    ...testLabels({
      suite: SDK_GATE_SUITE,
      operation,
      check,
      config: { target: result.target, rules: 'seam', seed: input.settings.seed },
      endpoint: result.endpoint,
      specVersion,
    }),
    { name: 'sdk', value: result.sdk },
    { name: RUNNER_LABEL, value: SDK_GATE_RUNNER },
  ]

  for (const group of groupByCheck(result.verdicts)) {
    const outcome = groupOutcome(group)
    const durationMs = group.verdicts.reduce((sum, { durationMs }) => sum + durationMs, 0)
    const failed = group.verdicts.flatMap(({ failure }) => (failure === undefined ? [] : [failure]))
    const report = failed.map((failure) => formatFailure(failure, input.settings, input.secrets)).join('\n\n')
    const uuid = runtime.startTest({
      // Beside the conformance tests of the same operation, some of the same checks: the title says whose.
      name: `${group.check} · ${SDK_GATE_SUITE}`,
      fullName: `${SDK_GATE_SUITE}#${group.operation.id} ${group.check}`,
      start: clock,
      labels: [
        ...common(group.operation, { name: group.check, severity: severityOf(group) }),
        { name: '_outcome', value: outcomeLabel(outcome) },
        ...(failed[0] === undefined ? [] : [{ name: '_category', value: failed[0].category }]),
      ],
      links: [{ url: docsLink(group.operation), name: `Seam docs: ${group.operation.path}` }],
      parameters: [{ name: 'sdk', value: result.sdk, excluded: true }],
      description: descriptionOf(group),
    })
    // Times as the run spent them: each case's step after the one before.
    let stepStart = clock
    for (const entry of group.verdicts) {
      writeStep(runtime, uuid, entry, stepStart, input, redact)
      stepStart += Math.round(entry.durationMs)
    }
    runtime.updateTest(uuid, (test) => {
      test.status = STATUS[outcome]
      test.stage = Stage.FINISHED
      if (report !== '') test.statusDetails = { message: redact(report) } satisfies StatusDetails
    })
    // A stop, not a duration: the runtime takes a duration of 0 as "until now".
    runtime.stopTest(uuid, { stop: clock + Math.round(durationMs) })
    runtime.writeTest(uuid)
    clock += Math.round(durationMs)
  }
  writeCoverage(runtime, input, common, redact, clock)
}

const STATUS = {
  passed: Status.PASSED,
  failed: Status.FAILED,
  broken: Status.BROKEN,
  skipped: Status.SKIPPED,
} as const

/** `_outcome` as the conformance tests write it (suites/support/meta.ts). */
function outcomeLabel(outcome: ReturnType<typeof groupOutcome>): string {
  return { passed: 'passed', failed: 'violation', broken: 'target_failure', skipped: 'skipped' }[outcome]
}

function severityOf(group: CheckGroup): Severity {
  return [...SDK_CHECKS, ...ANSWER_CHECKS].find((check) => check.name === group.check)?.severity ?? 'normal'
}

function descriptionOf(group: CheckGroup): string {
  const sdkPath = group.verdicts[0]?.sdkPath ?? ''
  const skips = group.verdicts.flatMap(({ verdict }) =>
    verdict.type === 'skipped' ? [`Skipped (${verdict.scenario}): ${verdict.reason}`] : [],
  )
  return [`SDK method \`${sdkPath}\`.`, ...skips].join('\n\n')
}

/** One case of the check: its verdict as a step, a failure's evidence as the step's attachments. */
function writeStep(
  runtime: ReporterRuntime,
  uuid: string,
  entry: GateVerdict,
  start: number,
  input: GateReportInput,
  redact: (text: string) => string,
): void {
  const { verdict, failure } = entry
  const runs = 'runs' in verdict && verdict.runs > 1 ? ` (${verdict.runs} calls)` : ''
  const step = runtime.startStep(uuid, null, {
    name: `${caseLabel(verdict.scenario)}${runs}`,
    start,
  })
  if (step === undefined) return
  if (failure !== undefined) {
    const json = (value: unknown) => Buffer.from(redact(JSON.stringify(value, null, 2) ?? 'null'))
    const attach = (name: string, content: Buffer, contentType: string) =>
      runtime.writeAttachment(uuid, step, name, content, { contentType })
    const received = failure.call.received[0]
    attach('report', Buffer.from(redact(formatFailure(failure, input.settings, input.secrets))), 'text/plain')
    attach(
      failure.case === 'valid' ? 'parameters (shrunk)' : 'parameters',
      json(failure.call.parameters),
      'application/json',
    )
    attach('what the SDK did', Buffer.from(redact(describeOutcome(failure.call.outcome))), 'text/plain')
    if (received !== undefined) {
      const { authorization: _secret, ...headers } = received.request.headers
      attach(
        'request',
        json({ ...received.request, headers: { ...headers, authorization: 'Bearer [REDACTED]' } }),
        'application/json',
      )
      attach('response', json(readableResponse(received.response)), 'application/json')
    }
    if (failure.property !== undefined)
      attach('seed and path', json(seedAndPath(failure)), 'application/json')
  }
  runtime.updateStep(step, (result) => {
    result.status = stepStatus(verdict.type)
    if (verdict.type === 'skipped') result.statusDetails = { message: redact(verdict.reason) }
    if (verdict.type === 'violation')
      result.statusDetails = { message: redact(verdict.violations.map((v) => v.message).join('\n')) }
    if (verdict.type === 'target_failure') result.statusDetails = { message: redact(verdict.error) }
  })
  runtime.stopStep(step, { stop: start + Math.round(entry.durationMs) })
}

function stepStatus(type: GateVerdict['verdict']['type']): Status {
  if (type === 'violation') return Status.FAILED
  if (type === 'target_failure') return Status.BROKEN
  return type === 'skipped' ? Status.SKIPPED : Status.PASSED
}

function readableResponse(response: { status: number; headers: Record<string, string>; body: string }) {
  try {
    return { ...response, body: JSON.parse(response.body) as unknown }
  } catch {
    return response
  }
}

function seedAndPath(failure: GateFailure) {
  return { fastCheckSeed: failure.property?.seed, path: failure.property?.path, runs: failure.property?.runs }
}

/**
 * The SDK's coverage as one entry (the console's coverage and baseline text as its description and
 * attachment), and a failed `sdk_coverage` result on each operation a method lost since the baseline served.
 */
function writeCoverage(
  runtime: ReporterRuntime,
  input: GateReportInput & { summary: string },
  common: (operation: Pick<Operation, 'id' | 'path'>, check: { name: string; severity: Severity }) => Label[],
  redact: (text: string) => string,
  start: number,
): void {
  const lost = input.comparison?.lost ?? []
  for (const method of lost) {
    for (const id of method.operations) {
      const operation = { id, path: method.sdkPath }
      const uuid = runtime.startTest({
        name: `sdk_coverage · ${SDK_GATE_SUITE}`,
        fullName: `${SDK_GATE_SUITE}#${id} sdk_coverage`,
        start,
        labels: [
          ...common(operation, { name: 'sdk_coverage', severity: 'critical' }),
          { name: '_outcome', value: 'violation' },
          { name: '_category', value: 'contract_violation' },
        ],
        description: lostDescription(method, input.comparison as BaselineComparison),
      })
      runtime.updateTest(uuid, (test) => {
        test.status = Status.FAILED
        test.stage = Stage.FINISHED
        test.statusDetails = { message: `method ${method.sdkPath} lost since ${input.comparison?.baseline}` }
      })
      runtime.stopTest(uuid, { stop: start })
      runtime.writeTest(uuid)
    }
  }
  const uuid = runtime.startTest({
    name: `SDK coverage (${input.result.sdk})`,
    fullName: `${SDK_GATE_SUITE}#coverage`,
    start,
    labels: [
      { name: 'epic', value: 'sdk gate' },
      { name: 'feature', value: 'SDK coverage' },
      { name: 'story', value: 'sdk_coverage' },
      { name: 'severity', value: 'critical' },
      { name: 'tag', value: SDK_GATE_SUITE },
      { name: 'sdk', value: input.result.sdk },
      { name: RUNNER_LABEL, value: SDK_GATE_RUNNER },
      { name: '_outcome', value: lost.length === 0 ? 'passed' : 'violation' },
    ],
    description: `\`\`\`\n${redact(input.summary)}\n\`\`\``,
  })
  runtime.writeAttachment(uuid, null, 'sdk-gate.txt', Buffer.from(redact(input.summary)), {
    contentType: 'text/plain',
  })
  runtime.updateTest(uuid, (test) => {
    test.status = lost.length === 0 ? Status.PASSED : Status.FAILED
    test.stage = Stage.FINISHED
  })
  runtime.stopTest(uuid, { stop: start })
  runtime.writeTest(uuid)
}

function lostDescription(method: BaselineComparison['lost'][number], comparison: BaselineComparison): string {
  return `${comparison.baseline} had the SDK method \`${method.sdkPath}\`; ${comparison.candidate} lost it, and the spec still has ${method.operations.join(', ')}${method.undocumented ? ' (x-undocumented)' : ''}.`
}
