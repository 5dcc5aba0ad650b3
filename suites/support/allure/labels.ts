// What makes the Allure report navigable: each conformance test says which resource, operation and
// check it is about, how much its failure matters, where it ran, and where the operation is documented.
import * as allure from 'allure-js-commons'

import type { Operation } from '../../../contracts/operations.ts'
import type { RunConfig } from '../config.ts'

/** The API resource an operation acts on: its path without the action (`acs/entrances`). */
export function resourceOf(operation: Pick<Operation, 'path'>): string {
  const segments = operation.path.split('/').filter((segment) => segment !== '')
  return segments.length > 1 ? segments.slice(0, -1).join('/') : (segments[0] ?? operation.path)
}

export function docsLink(operation: Pick<Operation, 'path'>): string {
  return `https://docs.seam.co/latest/api${operation.path}`
}

// A broken auth rule is a security hole; a 5xx or a wrong shape breaks every SDK call; a
// documentation mismatch breaks nobody at once.
const SEVERITY: Record<string, string> = {
  auth_required: 'blocker',
  workspace_header_required: 'blocker',
  not_a_server_error: 'critical',
  valid_accepted: 'critical',
  void_shape: 'critical',
  object_shape: 'critical',
  auth_accepted: 'critical',
  invalid_rejected: 'normal',
  response_schema: 'normal',
  content_type_json: 'normal',
  error_envelope: 'normal',
  status_code_documented: 'minor',
}

export function severityOf(check: string): string {
  return SEVERITY[check] ?? 'normal'
}

export type TestLabels = {
  suite: string
  operation: Operation
  check: string
  scenario: string
  config: Pick<RunConfig, 'target' | 'seed' | 'rules'>
  endpoint: string
  specVersion: string
}

export async function labelTest({
  suite,
  operation,
  check,
  scenario,
  config,
  endpoint,
  specVersion,
}: TestLabels): Promise<void> {
  await allure.labels(
    { name: 'epic', value: resourceOf(operation) },
    { name: 'feature', value: operation.id },
    { name: 'story', value: check },
    { name: 'severity', value: severityOf(check) },
    { name: 'tag', value: suite },
    { name: 'target', value: `${config.target} (${config.rules} rules)` },
    { name: 'endpoint', value: new URL(endpoint).host },
    { name: 'spec_version', value: `@seamapi/types ${specVersion}` },
    { name: 'seed', value: String(config.seed) },
  )
  await allure.parameter('scenario', scenario)
  await allure.link(docsLink(operation), `Seam docs: ${operation.path}`)
}
