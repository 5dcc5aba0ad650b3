// What makes the Allure report navigable: each conformance test says which resource, operation and
// check it is about, how much its failure matters, where it ran, and where the operation is documented.
import * as allure from 'allure-js-commons'
import type { Label } from 'allure-js-commons'

import type { Operation } from '../../../contracts/operations.ts'
import type { CheckMeta } from '../../checks/types.ts'
import type { RunConfig } from '../config.ts'
import type { ConformanceMeta } from '../meta.ts'

/** The API resource an operation acts on: its path without the action (`acs/entrances`). */
export function resourceOf(operation: Pick<Operation, 'path'>): string {
  const segments = operation.path.split('/').filter((segment) => segment !== '')
  return segments.length > 1 ? segments.slice(0, -1).join('/') : (segments[0] ?? operation.path)
}

export function docsLink(operation: Pick<Operation, 'path'>): string {
  return `https://docs.seam.co/latest/api${operation.path}`
}

export type TestLabels = {
  suite: string
  operation: Pick<Operation, 'id' | 'path'>
  check: Pick<CheckMeta, 'name' | 'severity'>
  scenario: string
  config: Pick<RunConfig, 'target' | 'seed' | 'rules'>
  endpoint: string
  specVersion: string
}

export async function labelTest(labels: TestLabels): Promise<void> {
  await allure.labels(...testLabels(labels))
  await allure.parameter('scenario', labels.scenario)
  await allure.link(docsLink(labels.operation), `Seam docs: ${labels.operation.path}`)
}

/**
 * Resource (epic), operation (feature), check (story), severity, suite (tag) and where it ran: the
 * same for a conformance test and for an SDK gate result, which is written without vitest.
 */
export function testLabels({
  suite,
  operation,
  check,
  config,
  endpoint,
  specVersion,
}: Omit<TestLabels, 'scenario'>): Label[] {
  return [
    { name: 'epic', value: resourceOf(operation) },
    { name: 'feature', value: operation.id },
    { name: 'story', value: check.name },
    { name: 'severity', value: check.severity },
    { name: 'tag', value: suite },
    { name: 'target', value: `${config.target} (${config.rules} rules)` },
    { name: 'endpoint', value: new URL(endpoint).host },
    { name: 'spec_version', value: `@seamapi/types ${specVersion}` },
    { name: 'seed', value: String(config.seed) },
  ]
}

/**
 * The verdict, as hidden labels: what the status listener (reporters.ts) and the report's
 * categories (categories.ts) read, so neither depends on the failure message's layout.
 */
export async function labelOutcome(meta: ConformanceMeta): Promise<void> {
  if (meta.outcome !== undefined) await allure.label('_outcome', meta.outcome)
  if (meta.category !== undefined) await allure.label('_category', meta.category)
}
