// The gate's verdicts as JUnit, for CI systems: one testcase per operation and check (its cases
// together: the valid calls, invalid input, a wrong credential, another API error), a failure
// carrying the whole replayable report, a target failure as an error, a skip with its reason. A
// method lost since the baseline is a failed `sdk_coverage` testcase of each operation on its path.
import { XMLBuilder } from 'fast-xml-parser'

import { redactForReport } from '../support/allure/redact.ts'
import type { BaselineComparison } from './baseline.ts'
import type { GateResult, GateVerdict } from './gate.ts'
import { formatFailure, type GateSettings } from './report.ts'

export type GateReportInput = {
  result: GateResult
  settings: GateSettings
  comparison?: BaselineComparison
  /** The run's secrets: no report may carry them. */
  secrets: string[]
  startedAt: Date
  durationMs: number
}

/** Every verdict of one operation and check, in the order they came: one testcase, one Allure result. */
export type CheckGroup = {
  operation: GateVerdict['verdict']['operation']
  check: string
  verdicts: GateVerdict[]
}

export function groupByCheck(verdicts: GateVerdict[]): CheckGroup[] {
  const groups = new Map<string, CheckGroup>()
  for (const entry of verdicts) {
    const { operation, check } = entry.verdict
    const key = `${operation.id}\n${check}`
    let group = groups.get(key)
    if (group === undefined) {
      group = { operation, check, verdicts: [] }
      groups.set(key, group)
    }
    group.verdicts.push(entry)
  }
  return [...groups.values()]
}

/** What a group comes to: a violation anywhere fails it, else a target failure breaks it, else it passed unless all was skipped. */
export function groupOutcome(group: CheckGroup): 'failed' | 'broken' | 'skipped' | 'passed' {
  const types = new Set(group.verdicts.map(({ verdict }) => verdict.type))
  if (types.has('violation')) return 'failed'
  if (types.has('target_failure')) return 'broken'
  return types.has('check_passed') ? 'passed' : 'skipped'
}

export function gateJunit(input: GateReportInput): string {
  const { result, settings, comparison } = input
  const text = (value: string) => xmlText(redactForReport(value, input.secrets))
  const testcases = groupByCheck(result.verdicts).map((group) => {
    const outcome = groupOutcome(group)
    const seconds = group.verdicts.reduce((sum, { durationMs }) => sum + durationMs, 0) / 1000
    const testcase: Record<string, unknown> = {
      '@_classname': group.operation.id,
      '@_name': group.check,
      '@_time': seconds.toFixed(3),
    }
    const failed = group.verdicts.flatMap(({ failure }) => (failure === undefined ? [] : [failure]))
    if (outcome === 'failed' || outcome === 'broken') {
      const report = failed.map((failure) => formatFailure(failure, settings, input.secrets)).join('\n\n')
      const first =
        failed[0]?.violations.find((violation) => violation.check === group.check) ?? failed[0]?.violations[0]
      testcase[outcome === 'failed' ? 'failure' : 'error'] = {
        '@_message': text(
          `${first?.message ?? group.check} (${failed.map(({ case: name }) => name).join(', ')})`,
        ),
        '@_type': outcome === 'failed' ? group.check : 'target_failure',
        '#text': text(report),
      }
    }
    if (outcome === 'skipped') {
      const skip = group.verdicts[0]?.verdict
      testcase['skipped'] = { '@_message': text(skip?.type === 'skipped' ? skip.reason : 'skipped') }
    }
    return testcase
  })
  testcases.push(...coverageTestcases(comparison, result.sdk))
  const count = (element: string) => testcases.filter((testcase) => element in testcase).length
  const totals = {
    '@_tests': testcases.length,
    '@_failures': count('failure'),
    '@_errors': count('error'),
    '@_skipped': count('skipped'),
    '@_time': (input.durationMs / 1000).toFixed(3),
  }
  const name = `sdk-gate ${result.sdk} (${result.target})`
  const properties = {
    sdk: result.sdk,
    target: result.target,
    endpoint: result.endpoint,
    seed: String(settings.seed),
    runs: String(settings.runs),
    ...(comparison === undefined ? {} : { baseline: comparison.baseline }),
  }
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    suppressEmptyNode: true,
  })
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': 'sdk-gate',
      ...totals,
      testsuite: {
        '@_name': name,
        ...totals,
        '@_timestamp': input.startedAt.toISOString().replace(/\.\d+Z$/, ''),
        properties: {
          property: Object.entries(properties).map(([key, value]) => ({
            '@_name': key,
            '@_value': text(value),
          })),
        },
        testcase: testcases,
      },
    },
  }) as string
}

/** A method lost since the baseline fails `sdk_coverage` on each operation its path still has. */
function coverageTestcases(
  comparison: BaselineComparison | undefined,
  sdk: string,
): Record<string, unknown>[] {
  if (comparison === undefined || comparison.lost.length === 0) {
    return [{ '@_classname': sdk, '@_name': 'sdk_coverage', '@_time': '0.000' }]
  }
  return comparison.lost.flatMap(({ sdkPath, operations, undocumented }) =>
    operations.map((operation) => ({
      '@_classname': operation,
      '@_name': 'sdk_coverage',
      '@_time': '0.000',
      failure: {
        '@_message': xmlText(
          `method ${sdkPath} lost since ${comparison.baseline}${undocumented ? ' (x-undocumented in the spec)' : ''}`,
        ),
        '@_type': 'sdk_coverage',
      },
    })),
  )
}

/** Text XML 1.0 can carry: generated payloads may hold any code point, and some are not allowed there. */
function xmlText(value: string): string {
  return value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
}
