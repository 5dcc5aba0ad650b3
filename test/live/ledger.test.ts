import { appendFileSync, existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { appendToLedger, cleanLedger, type LedgerEntry, readLedger } from '../../suites/live/ledger.ts'
import type { LiveExchange } from '../../suites/live/live-client.ts'

const entry = (id: string): LedgerEntry => ({
  runTag: 'seam-conformance-t',
  kind: 'acs_user',
  id,
  createdAt: '2026-01-01T00:00:00.000Z',
  undo: { path: '/acs/users/delete', body: { acs_user_id: id } },
})

function answer(status: number | undefined, type?: string): LiveExchange {
  return {
    method: 'POST',
    path: '/acs/users/delete',
    purpose: 'valid',
    body: {},
    retries: 0,
    durationMs: 1,
    ...(status === undefined ? { error: 'connection refused' } : { status }),
    ...(type === undefined ? {} : { json: { error: { type } } }),
  }
}

function ledgerWith(...ids: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ledger-')), 'live-ledger.jsonl')
  for (const id of ids) appendToLedger(path, entry(id))
  return path
}

describe('the ledger', () => {
  it('undoes newest first, counts a resource already gone as removed, and then is gone itself', async () => {
    const path = ledgerWith('a', 'b')
    const undone: unknown[] = []
    const result = await cleanLedger(path, async (_path, body) => {
      undone.push(body.acs_user_id)
      return body.acs_user_id === 'a' ? answer(404, 'acs_user_not_found') : answer(200)
    })
    expect(undone).toEqual(['b', 'a'])
    expect(result.removed.map((removed) => removed.id)).toEqual(['b', 'a'])
    expect(existsSync(path)).toBe(false)
  })

  it.each([
    [answer(500), '500'],
    [answer(undefined), 'connection refused'],
    [answer(404), '404'],
  ])('keeps what could not be removed (%j) for the next run', async (failure, reason) => {
    const path = ledgerWith('a', 'b')
    const result = await cleanLedger(path, async (_path, body) =>
      body.acs_user_id === 'a' ? failure : answer(200),
    )
    expect(result.left).toEqual([{ entry: entry('a'), reason }])
    expect(readLedger(path)).toEqual([entry('a')])
  })

  it('reads past the torn last line of a run killed mid-write', () => {
    const path = ledgerWith('a')
    appendFileSync(path, '{"runTag":"seam-conf')
    expect(readLedger(path)).toEqual([entry('a')])
  })
})
