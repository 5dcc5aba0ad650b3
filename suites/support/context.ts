// Everything a suite file needs, built once per worker.
import { inject } from 'vitest'

import type { IdBindings } from '../../contracts/arbitraries/bound-ids.ts'
import type { Exchange } from '../../contracts/exchange.ts'
import type { Verdict } from '../engine/events.ts'
import { type Operation, operationsOf } from '../../contracts/operations.ts'
import { selectOperations } from '../../contracts/selection.ts'
import { loadSpec, type Spec } from '../../contracts/spec.ts'
import { type Validators, validatorsOf } from '../../contracts/validators.ts'
import { type Client, createClient } from '../transport/client.ts'
import type { RunConfig } from './config.ts'
import { embeddedMockDispatcher } from './embedded-mock.ts'
import { shardOperations } from './shards/partition.ts'
import './provided.ts'

export type ConformanceContext = {
  config: RunConfig
  spec: Spec
  operations: Operation[]
  validators: Validators
  client: Client
  /** Live mode: the workspace's real IDs, by parameter name. */
  ids?: IdBindings
  /** Sees every verdict: how live mode writes its findings for the end-of-run summary. */
  onVerdict?: (verdict: Verdict<Exchange>) => void
}

export async function conformanceContext(): Promise<ConformanceContext> {
  const config = inject('resolvedConfig')
  const spec = await loadSpec()
  const endpoint = inject('endpoint')
  // No endpoint given: the embedded mock, which this worker answers in-process.
  const embedded = config.endpoint === undefined
  return {
    config,
    spec,
    // `--shard i/n`, then the part of a run in parts (suites/support/parts.ts): each split alike
    // wherever it is made.
    operations: shardOperations(
      shardOperations(selectOperations(operationsOf(spec), config.operations, config.tags), config.shard),
      inject('part'),
    ),
    // The embedded mock reads the same spec: it shares these (mock/server.ts `loadMock`).
    validators: validatorsOf(spec),
    client: createClient({
      endpoint,
      auth: config.auth,
      timeoutMs: config.timeoutMs,
      connections: config.concurrency,
      ...(embedded ? { dispatcher: await embeddedMockDispatcher(config, endpoint) } : {}),
    }),
  }
}
