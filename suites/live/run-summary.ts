// The end of a live run, in a few lines: what it created and removed, what a second look at the
// list endpoints still finds, the findings by kind (the target's divergences), and the requests made.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

import { type CleanResult, describeEntry, type LedgerEntry } from './ledger.ts'
import type { LiveClient, LiveExchange } from './live-client.ts'
import { type Finding, findingKey, formatFinding } from './findings.ts'
import type { LiveRunFiles } from './provided.ts'
import { costPerCheck, type VerdictRecord } from './verdicts.ts'

/** Where run-tagged resources would show up, and which field carries the tag. */
const LISTS = [
  { path: '/acs/users/list', key: 'acs_users', id: 'acs_user_id', tagged: 'full_name' },
  {
    path: '/user_identities/list',
    key: 'user_identities',
    id: 'user_identity_id',
    tagged: 'user_identity_key',
  },
] as const

export type Leftover = { path: string; id: string }

export async function taggedLeftovers(client: LiveClient, runTag: string): Promise<Leftover[]> {
  const found: Leftover[] = []
  for (const list of LISTS) {
    const answer = await client.call(list.path, {})
    const items = (answer.json as Record<string, unknown> | undefined)?.[list.key]
    if (answer.status !== 200 || !Array.isArray(items)) continue
    for (const item of items as Array<Record<string, unknown>>) {
      if (String(item[list.tagged] ?? '').startsWith(runTag))
        found.push({ path: list.path, id: String(item[list.id]) })
    }
  }
  return found
}

export type ExchangeRecord = Pick<
  LiveExchange,
  'method' | 'path' | 'purpose' | 'status' | 'requestId' | 'error' | 'retries' | 'durationMs'
>

export function readJsonLines<T>(path: string): T[] {
  if (!existsSync(path)) return []
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T)
}

export function summarise(input: {
  files: LiveRunFiles
  created: LedgerEntry[]
  cleaned: CleanResult
  leftovers: Leftover[]
}): { text: string; json: Record<string, unknown> } {
  const findings = readJsonLines<Finding>(input.files.findingsPath)
  const exchanges = readJsonLines<ExchangeRecord>(input.files.exchangesPath)
  const byCheck = costPerCheck(
    input.files.verdictsPath === undefined ? [] : readJsonLines<VerdictRecord>(input.files.verdictsPath),
  )
  const byStatus = new Map<string, number>()
  for (const exchange of exchanges) {
    const status = exchange.status === undefined ? 'no answer' : String(exchange.status)
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1)
  }
  const retries = exchanges.reduce((sum, exchange) => sum + exchange.retries, 0)
  // What the night cost, and where: requests per operation and per purpose, cases per check.
  const count = (key: (exchange: ExchangeRecord) => string) => {
    const counts = new Map<string, number>()
    for (const exchange of exchanges) counts.set(key(exchange), (counts.get(key(exchange)) ?? 0) + 1)
    return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)))
  }
  const byOperation = count((exchange) => `${exchange.method ?? 'POST'} ${exchange.path}`)
  const byPurpose = count((exchange) => exchange.purpose ?? 'valid')
  const busiest = Object.entries(byOperation)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 5)
  const withId = exchanges.filter((exchange) => exchange.requestId !== undefined).length
  const lines = [
    '',
    `live run ${input.files.runTag}`,
    `  created ${input.created.length}: ${input.created.map(describeEntry).join(', ') || 'nothing'}`,
    `  removed ${input.cleaned.removed.length}${input.cleaned.left.length === 0 ? '' : `, could not remove ${input.cleaned.left.length}: ${input.cleaned.left.map(({ entry, reason }) => `${describeEntry(entry)} (${reason})`).join(', ')}`}`,
    `  run-tagged resources still listed: ${input.leftovers.length === 0 ? 'none' : input.leftovers.map((left) => `${left.path} ${left.id}`).join(', ')}`,
    `  requests: ${exchanges.length} (${[...byStatus].map(([status, count]) => `${status}×${count}`).join(', ')}), ${retries} retried after 429, ${withId} with a seam-request-id`,
    `  by purpose: ${Object.entries(byPurpose)
      .map(([purpose, n]) => `${purpose} ${n}`)
      .join(
        ', ',
      )}; ${Object.keys(byOperation).length} operations, the most: ${busiest.map(([operation, n]) => `${operation} ${n}`).join(', ')}`,
  ]
  if (Object.keys(byCheck).length > 0)
    lines.push(
      `  cases judged per check (each request is judged by every check of its scenario): ${Object.entries(
        byCheck,
      )
        .map(([check, cost]) => `${check} ${cost.cases} on ${cost.operations} op(s)`)
        .join(', ')}`,
    )
  for (const kind of [
    'violation',
    'operation_missing',
    'target_failure',
    'fixture_unavailable',
    'spec',
  ] as const) {
    const of = findings.filter((finding) => finding.kind === kind)
    if (of.length === 0) continue
    lines.push(`  ${kind} (${of.length}):`, ...of.map((finding) => `    ${formatFinding(finding)}`))
  }
  if (findings.length === 0) lines.push('  no divergences found')
  return {
    text: lines.join('\n'),
    json: {
      runTag: input.files.runTag,
      created: input.created,
      removed: input.cleaned.removed,
      notRemoved: input.cleaned.left,
      leftovers: input.leftovers,
      findings,
      divergences: [...new Set(findings.map(findingKey))].sort(),
      requests: {
        total: exchanges.length,
        byStatus: Object.fromEntries(byStatus),
        retries,
        withRequestId: withId,
        byPurpose,
        byOperation,
        byCheck,
      },
    },
  }
}

export function writeLiveSummary(path: string, json: Record<string, unknown>): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`)
}
