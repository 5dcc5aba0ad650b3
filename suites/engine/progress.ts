// A long run's progress in one line, for logs with no terminal to redraw: operations done, checks
// passed and failed, requests sent, their rate and an estimate of the time left. Pure: whoever runs
// the engine feeds it events (or what a vitest reporter learns from finished tests) and prints.

export type ProgressCounts = {
  /** What the units of work are called: `operations` unless a runner counts otherwise. */
  unit?: string
  operationsDone: number
  operationsTotal: number
  passed: number
  failed: number
  skipped: number
  requests: number
}

export type Progress = ProgressCounts & {
  /** One finished check: passed, failed (a violation or the target's failure) or skipped. */
  check(state: 'passed' | 'failed' | 'skipped'): void
  request(count?: number): void
  operationDone(): void
  line(nowMs?: number): string
}

/** How often a run without a terminal says where it is. */
export const PROGRESS_INTERVAL_MS = 10_000

export function createProgress(
  operationsTotal: number,
  startedMs = Date.now(),
  unit = 'operations',
): Progress {
  const progress: Progress = {
    unit,
    operationsDone: 0,
    operationsTotal,
    passed: 0,
    failed: 0,
    skipped: 0,
    requests: 0,
    check(state) {
      progress[state]++
    },
    request(count = 1) {
      progress.requests += count
    },
    operationDone() {
      progress.operationsDone++
    },
    line: (nowMs = Date.now()) => progressLine(progress, nowMs - startedMs),
  }
  return progress
}

export function progressLine(counts: ProgressCounts, elapsedMs: number): string {
  const seconds = Math.max(elapsedMs / 1000, 0.001)
  const { operationsDone: done, operationsTotal: total } = counts
  // Operations differ in cost; the mean so far is the estimate a reader can check. Before a
  // twentieth of them is done it is mostly the start-up's time (2 of 1566 after 10 s: "about 130
  // min left" for a run of under 2), so it is left out until then.
  const estimable = done > 0 && done * 20 >= total && done < total
  const left = estimable ? ` · about ${formatSeconds((seconds / done) * (total - done))} left` : ''
  return (
    `progress: ${done}/${total} ${counts.unit ?? 'operations'} · ${counts.passed} checks passed, ${counts.failed} failed` +
    `${counts.skipped === 0 ? '' : `, ${counts.skipped} skipped`} · ${counts.requests} requests ` +
    `(${Math.round(counts.requests / seconds)}/s) · ${formatSeconds(seconds)} elapsed${left}`
  )
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`
}

/** Prints the progress line every interval until stopped; never keeps the process alive. */
export function printProgress(
  progress: Progress,
  write: (line: string) => void,
  intervalMs = PROGRESS_INTERVAL_MS,
): { stop(): void } {
  const timer = setInterval(() => write(`${progress.line()}\n`), intervalMs)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}

/** Feeds a progress counter from the engine's events. */
export function progressListener(progress: Progress) {
  return (event: { type: string; total?: number }): void => {
    switch (event.type) {
      case 'operation_started':
        progress.operationsTotal = Math.max(progress.operationsTotal, event.total ?? 0)
        return
      case 'case_sent':
        return progress.request()
      case 'check_passed':
        return progress.check('passed')
      case 'violation':
      case 'target_failure':
        return progress.check('failed')
      case 'skipped':
        return progress.check('skipped')
      case 'operation_finished':
        return progress.operationDone()
    }
  }
}
