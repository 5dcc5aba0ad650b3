import { describe, expect, it } from 'vitest'

import {
  createProgress,
  printProgress,
  progressLine,
  progressListener,
} from '../../../suites/engine/progress.ts'

describe('progressLine', () => {
  it('says operations done, checks, requests, rate and the time left', () => {
    const counts = {
      operationsDone: 10,
      operationsTotal: 40,
      passed: 120,
      failed: 2,
      skipped: 0,
      requests: 5000,
    }
    expect(progressLine(counts, 20_000)).toBe(
      'progress: 10/40 operations · 120 checks passed, 2 failed · 5000 requests (250/s) · 20 s elapsed · about 1 min 0 s left',
    )
  })

  it('leaves the estimate out before the first operation and after the last', () => {
    const counts = { operationsDone: 0, operationsTotal: 3, passed: 0, failed: 0, skipped: 1, requests: 0 }
    expect(progressLine(counts, 1000)).toBe(
      'progress: 0/3 operations · 0 checks passed, 0 failed, 1 skipped · 0 requests (0/s) · 1 s elapsed',
    )
    expect(progressLine({ ...counts, operationsDone: 3 }, 1000)).not.toContain('left')
  })

  it('leaves it out until a twentieth is done: before, it is mostly the start-up', () => {
    const counts = {
      operationsDone: 2,
      operationsTotal: 1566,
      passed: 14,
      failed: 0,
      skipped: 0,
      requests: 200,
    }
    expect(progressLine(counts, 10_000)).toBe(
      'progress: 2/1566 operations · 14 checks passed, 0 failed · 200 requests (20/s) · 10 s elapsed',
    )
    expect(progressLine({ ...counts, operationsDone: 79 }, 20_000)).toMatch(/ · about \d+ min \d+ s left$/)
  })
})

describe('progressListener', () => {
  it('counts what the engine reports', () => {
    const progress = createProgress(0, 0)
    const listen = progressListener(progress)
    for (const type of [
      'case_sent',
      'case_sent',
      'check_passed',
      'violation',
      'skipped',
      'operation_finished',
    ])
      listen({ type })
    listen({ type: 'operation_started', total: 5 })
    expect(progress).toMatchObject({
      operationsDone: 1,
      operationsTotal: 5,
      passed: 1,
      failed: 1,
      skipped: 1,
      requests: 2,
    })
  })
})

describe('printProgress', () => {
  it('writes a line each interval until stopped', async () => {
    const lines: string[] = []
    const printer = printProgress(createProgress(2), (line) => lines.push(line), 5)
    await new Promise((resolve) => setTimeout(resolve, 30))
    printer.stop()
    const seen = lines.length
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(seen).toBeGreaterThan(1)
    expect(lines).toHaveLength(seen)
    expect(lines[0]).toMatch(/^progress: 0\/2 operations/)
  })
})
