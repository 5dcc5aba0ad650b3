// Everything a live suite file needs: the run's configuration and operations, the client with a
// live run's policy (its bound, 2 in flight, 429 honoured, every exchange logged), and the
// workspace's real IDs. Every answer that created something is written to the ledger at once.
import { appendFileSync } from 'node:fs'

import { inject } from 'vitest'

import { buildOperations, type Operation } from '../../contracts/operations.ts'
import { selectOperations } from '../../contracts/selection.ts'
import { loadSpec } from '../../contracts/spec.ts'
import { createValidators } from '../../contracts/validators.ts'
import type { ConformanceContext } from '../support/context.ts'
import '../support/provided.ts'
import type { Send } from '../engine/target.ts'
import { createdBy } from './created.ts'
import { checkFinding } from './findings.ts'
import { appendVerdict } from './verdicts.ts'
import { type Fixtures, idBindings } from './fixtures.ts'
import { createLiveSender } from './live-client.ts'
import './provided.ts'
import { record } from './run-context.ts'

/** Undefined outside live mode. */
export async function liveContext(): Promise<ConformanceContext | undefined> {
  const files = inject('liveRun')
  const config = inject('runConfig')
  const found = inject('liveFixtures')
  if (files === undefined || config === undefined || found === undefined) return undefined
  const spec = await loadSpec()
  const operations = selectOperations(buildOperations(spec), config.operations, config.tags)
  // The ledger's writer: only `record` needs these, the client goes through `send` below.
  const ledger = { runTag: files.runTag, ledgerPath: files.ledgerPath, recorded: new Set<string>() }
  const client = createLiveSender({
    endpoint: files.endpoint,
    auth: config.auth,
    timeoutMs: config.timeoutMs,
    concurrency: config.concurrency,
    deadline: files.deadline,
    exchangesPath: files.exchangesPath,
  })
  return {
    config,
    spec,
    operations,
    validators: createValidators(spec),
    ids: idBindings(found.fixtures),
    onVerdict: (verdict) => {
      const finding = checkFinding(verdict)
      if (finding !== undefined) appendFileSync(files.findingsPath, `${JSON.stringify(finding)}\n`)
      if (files.verdictsPath !== undefined) appendVerdict(files.verdictsPath, verdict)
    },
    client: {
      send: recordingSend(client.send, operations, found.fixtures, ledger),
      close: () => client.close(),
    },
  }
}

/** Sends, and writes to the ledger whatever the answer says the run just created. */
export function recordingSend(
  send: Send,
  operations: Operation[],
  fixtures: Fixtures,
  ledger: Parameters<typeof record>[0],
): Send {
  const byId = new Map(operations.map((operation) => [operation.id, operation]))
  return async (request) => {
    const exchange = await send(request)
    const operation = byId.get(request.operation)
    if (operation !== undefined)
      for (const entry of createdBy(operation, exchange, fixtures)) record(ledger, entry)
    return exchange
  }
}
