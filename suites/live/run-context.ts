// What every live step shares: the client, the run's tag, and the ledger it writes to.
import { appendToLedger, type LedgerEntry } from './ledger.ts'
import type { LiveClient } from './live-client.ts'

export type LiveRun = {
  client: LiveClient
  /** Prefix of every name and key the run gives what it creates. */
  runTag: string
  ledgerPath: string
  /** Entries already written, so granting twice records the grant once. */
  recorded: Set<string>
}

/** Writes what was just created to the ledger before anything else happens. */
export function record(
  run: Pick<LiveRun, 'runTag' | 'ledgerPath' | 'recorded'>,
  entry: Omit<LedgerEntry, 'runTag' | 'createdAt'>,
): void {
  const key = `${entry.kind} ${entry.id}`
  if (run.recorded.has(key)) return
  run.recorded.add(key)
  appendToLedger(run.ledgerPath, { ...entry, runTag: run.runTag, createdAt: new Date().toISOString() })
}

/** Tags look like `seam-conformance-<time>-<seed>`: unique per run, recognisable in a workspace. */
export function newRunTag(seed: number, now = Date.now()): string {
  return `seam-conformance-${now.toString(36)}-${seed >>> 0}`
}

export const RUN_TAG_PREFIX = 'seam-conformance-'
