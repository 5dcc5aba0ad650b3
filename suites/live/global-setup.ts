// Live mode's main-process side: cleans what a killed run left in the ledger, hands the workers the
// run's tag and files, and at the end — passed or failed — removes everything the run created,
// looks again for run-tagged leftovers, and prints what was created, removed, found and sent.
import { rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

import type { TestProject } from 'vitest/node'

import type { RunConfig } from '../support/config.ts'
import '../support/provided.ts'
import { buildOperations } from '../../contracts/operations.ts'
import { selectOperations } from '../../contracts/selection.ts'
import { loadSpec } from '../../contracts/spec.ts'
import { findFixtures } from './fixtures.ts'
import { cleanLedger, describeEntry, readLedger } from './ledger.ts'
import { appendExchange, createLiveClient } from './live-client.ts'
import './provided.ts'
import { newRunTag } from './run-context.ts'
import { summarise, taggedLeftovers, writeLiveSummary } from './run-summary.ts'
import { undoableCreates } from './undo-probe.ts'

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const config = project.getProvidedContext().runConfig
  if (config?.target !== 'live' || config.live === undefined || config.endpoint === undefined)
    return undefined
  const { live, endpoint } = config
  const reports = dirname(live.ledgerPath)
  const files = {
    endpoint,
    runTag: newRunTag(config.seed),
    deadline: Date.now() + live.maxRunMs,
    ledgerPath: live.ledgerPath,
    findingsPath: join(reports, 'live-findings.jsonl'),
    exchangesPath: join(reports, 'live-exchanges.jsonl'),
    verdictsPath: join(reports, 'live-verdicts.jsonl'),
  }
  rmSync(files.findingsPath, { force: true })
  rmSync(files.verdictsPath, { force: true })
  rmSync(files.exchangesPath, { force: true })
  const cleaner = () => cleanerClient(config, endpoint, files.exchangesPath)

  const leftover = readLedger(live.ledgerPath)
  if (leftover.length > 0) {
    const client = cleaner()
    const result = await cleanLedger(live.ledgerPath, client.call).finally(() => client.close())
    print(`live: cleaned ${result.removed.length} resource(s) an earlier run left in ${live.ledgerPath}`)
    for (const entry of result.removed) print(`  removed ${describeEntry(entry)}`)
    for (const { entry, reason } of result.left)
      print(`  could not remove ${describeEntry(entry)}: ${reason}`)
  }
  // Found once for every suite file: the run's own user identity and ACS user, the workspace's devices
  // and entrances. What cannot be had is a finding, and what needs it is skipped with the reason.
  const fixtureClient = createLiveClient({
    endpoint,
    auth: config.auth,
    timeoutMs: config.timeoutMs,
    concurrency: config.concurrency,
    deadline: files.deadline,
    onExchange: (exchange) => appendExchange(files.exchangesPath, exchange),
  })
  const run = {
    client: fixtureClient,
    runTag: files.runTag,
    ledgerPath: live.ledgerPath,
    recorded: new Set<string>(),
  }
  const hints = live.userIdentityId === undefined ? {} : { userIdentityId: live.userIdentityId }
  const spec = await loadSpec()
  const selected = selectOperations(buildOperations(spec), config.operations, config.tags)
  const found = await findFixtures(run, hints)
  const undoable = await undoableCreates(fixtureClient, selected).finally(() => fixtureClient.close())
  project.provide('liveFixtures', found)
  project.provide('liveUndoable', undoable)
  project.provide('liveRun', files)
  // What the reporters read about any run, mock or live (the Allure environment, for one).
  project.provide('resolvedConfig', config)
  project.provide('endpoint', endpoint)
  print(
    `live: run tag ${files.runTag} · ledger ${live.ledgerPath} · at most ${config.concurrency} request(s) at once`,
  )

  return async () => {
    const created = readLedger(live.ledgerPath).filter((entry) => entry.runTag === files.runTag)
    const client = cleaner()
    try {
      const cleaned = await cleanLedger(live.ledgerPath, client.call)
      const leftovers = await taggedLeftovers(client, files.runTag)
      const summary = summarise({ files, created, cleaned, leftovers })
      writeLiveSummary(join(reports, 'live-summary.json'), summary.json)
      writeFileSync(join(reports, 'live-summary.txt'), `${summary.text.trim()}\n`)
      print(summary.text)
      if (cleaned.left.length > 0 || leftovers.length > 0) process.exitCode = 1
    } finally {
      await client.close()
    }
  }
}

/** Clean-up gets its own time: it must run even when the run used up its bound. Its requests count too. */
function cleanerClient(config: RunConfig, endpoint: string, exchangesPath: string) {
  return createLiveClient({
    endpoint,
    auth: config.auth,
    timeoutMs: config.timeoutMs,
    concurrency: 1,
    deadline: Date.now() + 5 * 60_000,
    onExchange: (exchange) => appendExchange(exchangesPath, exchange),
  })
}

function print(line: string): void {
  process.stdout.write(`${line}\n`)
}
