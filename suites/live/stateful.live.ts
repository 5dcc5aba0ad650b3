// Live mode's suite: the fixtures, then each stateful property, one test each, run by the engine
// (./stateful-plan.ts). A finding fails its test with its kind (violation, operation_missing,
// target_failure, fixture_unavailable) and is written to the run's findings file for the
// end-of-run summary; a failed check adds its report, with the line that replays it.
import { appendFileSync } from 'node:fs'

import { afterAll, describe, inject, it } from 'vitest'

import { buildOperations } from '../../contracts/operations.ts'
import { secretValues } from '../../contracts/credentials.ts'
import { loadSpec } from '../../contracts/spec.ts'
import { PROPERTY_BUDGET_MS } from '../engine/engine.ts'
import type { Verdict } from '../engine/events.ts'
import { redactForReport } from '../support/allure/redact.ts'
import { ContractFailure } from '../support/contract-failure.ts'
import type { ConformanceMeta } from '../support/meta.ts'
import '../support/provided.ts'
import { type Finding, formatFinding } from './findings.ts'
import type { Fixtures } from './fixtures.ts'
import { appendExchange, createLiveClient } from './live-client.ts'
import { LIVE_PROPERTIES } from './properties.ts'
import './provided.ts'
import type { LiveRun } from './run-context.ts'
import { runLiveProperty, type StatefulRun, statefulReplay } from './stateful-plan.ts'
import { formatStatefulFailure } from './stateful-report.ts'
import type { Trace } from './trace.ts'

const files = inject('liveRun')
const config = inject('runConfig')

if (files === undefined || config === undefined) {
  it.skip('live mode only: npm run conformance -- --target live')
} else {
  const client = createLiveClient({
    endpoint: files.endpoint,
    auth: config.auth,
    timeoutMs: config.timeoutMs,
    concurrency: config.concurrency,
    deadline: files.deadline,
    onExchange: (exchange) => appendExchange(files.exchangesPath, exchange),
  })
  // Its keep-alive sockets would hold the worker open past vitest's teardown ("Timeout terminating").
  afterAll(() => client.close())
  const run: LiveRun = { client, runTag: files.runTag, ledgerPath: files.ledgerPath, recorded: new Set() }
  const secrets = secretValues(config.auth)
  const report = (findings: Finding[], failures: string[] = []) => {
    for (const finding of findings) appendFileSync(files.findingsPath, `${JSON.stringify(finding)}\n`)
    if (findings.length === 0) return
    const text = [findings.map(formatFinding).join('\n'), ...failures].join('\n\n')
    throw new ContractFailure(redactForReport(text, secrets))
  }
  // Every step is a request to someone's workspace: a generous bound, never a hang; and two
  // properties' budgets (the probe's and the model's), shrinking included.
  const timeout = Math.max(60_000, config.timeoutMs * 20) + 2 * (PROPERTY_BUDGET_MS + config.timeoutMs)
  const found = inject('liveFixtures') ?? {
    fixtures: { deviceIds: [], acsEntranceIds: [], acsUserIds: [] },
    findings: [],
  }
  const fixtures: Fixtures = found.fixtures
  const stateful: StatefulRun = {
    run,
    fixtures,
    operations: buildOperations(await loadSpec()),
    seed: config.seed,
    runs: config.runs,
    replay: statefulReplay({ seed: config.seed, runs: config.runs, endpoint: files.endpoint }),
  }

  describe('stateful', () => {
    it(
      'fixtures',
      async ({ task }) => {
        task.meta.conformance = {
          suite: 'stateful',
          operation: 'fixtures',
          check: 'fixtures',
          scenario: 'live',
        }
        // Found by the run's setup, before any suite: reported here, once.
        report(found.findings)
      },
      timeout,
    )

    for (const property of LIVE_PROPERTIES) {
      // A stateful property is no check `--checks` can name: a run narrowed to some checks skips it.
      it.skipIf(config.checks !== undefined)(
        property.name,
        async ({ task }) => {
          let requests = 0
          const { verdicts, findings } = await runLiveProperty(property, stateful, (event) => {
            if (event.type === 'case_sent') requests++
          })
          task.meta.conformance = {
            suite: 'stateful',
            operation: property.operations[0] ?? '',
            check: property.name,
            scenario: 'live',
            ...outcomeOf(verdicts),
          }
          task.meta.requests = requests
          const failures = verdicts.flatMap((verdict) =>
            verdict.type === 'violation' || verdict.type === 'target_failure'
              ? [formatStatefulFailure(verdict, property)]
              : [],
          )
          report(findings, failures)
        },
        timeout,
      )
    }
  })
}

/** The typed part of the test's meta, from its first failed verdict, else a skip, else a pass. */
function outcomeOf(
  verdicts: Verdict<Trace>[],
): Pick<ConformanceMeta, 'outcome' | 'severity' | 'category' | 'detail'> {
  const failed = verdicts.find((verdict) => verdict.type === 'violation' || verdict.type === 'target_failure')
  if (failed?.type === 'violation')
    return {
      outcome: 'violation',
      severity: failed.severity,
      category: failed.category,
      detail: failed.violations[0]?.message ?? '',
    }
  if (failed?.type === 'target_failure')
    return { outcome: 'target_failure', category: 'transport', detail: failed.error }
  const skipped = verdicts.find((verdict) => verdict.type === 'skipped')
  if (skipped?.type === 'skipped') return { outcome: 'skipped', detail: skipped.reason }
  return { outcome: 'passed' }
}
