// Live mode's suite: the fixtures, then each stateful property, one test each. A finding fails its
// test with its kind (violation, operation_missing, target_failure, fixture_unavailable) and is
// written to the run's findings file for the end-of-run summary.
import { appendFileSync } from 'node:fs'

import { describe, inject, it } from 'vitest'

import '../support/provided.ts'
import { type Finding, formatFinding } from './findings.ts'
import type { Fixtures } from './fixtures.ts'
import { appendExchange, createLiveClient } from './live-client.ts'
import { checkLiveProperty, LIVE_PROPERTIES } from './properties.ts'
import './provided.ts'
import type { LiveRun } from './run-context.ts'

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
  const run: LiveRun = { client, runTag: files.runTag, ledgerPath: files.ledgerPath, recorded: new Set() }
  const report = (findings: Finding[]) => {
    for (const finding of findings) appendFileSync(files.findingsPath, `${JSON.stringify(finding)}\n`)
    if (findings.length > 0) throw new Error(findings.map(formatFinding).join('\n'))
  }
  // Every step is a request to someone's workspace: a generous bound, never a hang.
  const timeout = Math.max(60_000, config.timeoutMs * 20)
  const found = inject('liveFixtures') ?? {
    fixtures: { deviceIds: [], acsEntranceIds: [], acsUserIds: [] },
    findings: [],
  }
  const fixtures: Fixtures = found.fixtures

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
      it(
        property.name,
        async ({ task }) => {
          task.meta.conformance = {
            suite: 'stateful',
            operation: property.operations[0] ?? '',
            check: property.name,
            scenario: 'live',
          }
          report(await checkLiveProperty(property, { run, fixtures, seed: config.seed, runs: config.runs }))
        },
        timeout,
      )
    }
  })
}
