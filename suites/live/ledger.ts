// The run's ledger: every resource the run creates is written here (JSON lines) the moment it
// exists, with the request that removes it. The end of a run — and the start of the next, for
// whatever a killed run left — replays those requests and keeps only what could not be removed.
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

import { readErrorEnvelope } from '../../contracts/error-envelope.ts'
import type { LiveExchange } from './live-client.ts'

export type LedgerEntry = {
  runTag: string
  kind: string
  id: string
  createdAt: string
  /** The request that removes it again. */
  undo: { path: string; body: Record<string, unknown> }
}

export type CleanResult = { removed: LedgerEntry[]; left: Array<{ entry: LedgerEntry; reason: string }> }

/** Synchronous on purpose: a run killed the next instant still leaves the entry behind. */
export function appendToLedger(path: string, entry: LedgerEntry): void {
  mkdirSync(dirname(path), { recursive: true })
  appendFileSync(path, `${JSON.stringify(entry)}\n`)
}

export function readLedger(path: string): LedgerEntry[] {
  if (!existsSync(path)) return []
  // A run killed mid-write leaves a torn last line: what cannot be read cannot be undone anyway.
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        return line.trim() === '' ? [] : [JSON.parse(line) as LedgerEntry]
      } catch {
        return []
      }
    })
}

/** Undoes every entry, newest first; a resource already gone counts as removed. */
export async function cleanLedger(
  path: string,
  call: (path: string, body: Record<string, unknown>) => Promise<LiveExchange>,
): Promise<CleanResult> {
  const result: CleanResult = { removed: [], left: [] }
  for (const entry of readLedger(path).reverse()) {
    const answer = await call(entry.undo.path, entry.undo.body)
    const type = readErrorEnvelope(answer.json)?.type
    const gone =
      answer.status !== undefined &&
      ((answer.status >= 200 && answer.status < 300) ||
        (answer.status === 404 && (type ?? '').endsWith('_not_found')))
    if (gone) result.removed.push(entry)
    else result.left.push({ entry, reason: answer.error ?? `${answer.status} ${type ?? ''}`.trim() })
  }
  if (result.left.length === 0) rmSync(path, { force: true })
  else writeFileSync(path, result.left.map(({ entry }) => `${JSON.stringify(entry)}\n`).join(''))
  return result
}

export function describeEntry(entry: LedgerEntry): string {
  return `${entry.kind} ${entry.id} (${entry.runTag})`
}
