// A target that stops answering an operation must not cost the full timeout for every case. After a
// few timeouts in a row on one operation (no complete answer between them), the rest of its cases
// are not sent: each property that meets one reports a single target failure with the count, and
// the run moves on to the next operation.

/** Timeouts in a row on one operation after which its remaining cases are not sent. */
export const TIMEOUTS_BEFORE_GIVING_UP = 3

/** A case the engine did not send, because the target had stopped answering its operation. */
export class NotSent {
  readonly reason: string

  constructor(reason: string) {
    this.reason = reason
  }
}

/** What an operation's stall looked like: how many timed out in a row, how many were not sent. */
export type Stalled<Answer> = { timeouts: number; notSent: number; last: Answer }

export type StallGuard<Answer> = {
  /** Whether the operation's further cases are held back. */
  stopped(operation: number): boolean
  /** Stands in for a case held back, counting it. */
  hold(operation: number): NotSent
  /** Counts an answer: a timeout adds to the run of timeouts, a complete answer ends it. */
  note(operation: number, answer: Answer, outcome: 'timeout' | 'answered' | 'other_failure'): void
  /** The stall that stopped an operation, if one did. */
  stalled(operation: number): Stalled<Answer> | undefined
}

export function createStallGuard<Answer>(limit: number = TIMEOUTS_BEFORE_GIVING_UP): StallGuard<Answer> {
  type State = { inARow: number; notSent: number; last?: Answer; stopped: boolean }
  const states = new Map<number, State>()
  const stateOf = (operation: number): State => {
    let state = states.get(operation)
    if (state === undefined) {
      state = { inARow: 0, notSent: 0, stopped: false }
      states.set(operation, state)
    }
    return state
  }
  return {
    stopped: (operation) => stateOf(operation).stopped,
    hold(operation) {
      const state = stateOf(operation)
      state.notSent++
      return new NotSent(
        `not sent: the target had stopped answering this operation (${state.inARow} timeouts in a row)`,
      )
    },
    note(operation, answer, outcome) {
      const state = stateOf(operation)
      if (state.stopped) return
      if (outcome === 'answered') state.inARow = 0
      if (outcome !== 'timeout') return
      state.inARow++
      state.last = answer
      if (state.inARow >= limit) state.stopped = true
    },
    stalled(operation) {
      const state = states.get(operation)
      if (state?.stopped !== true || state.last === undefined) return undefined
      return { timeouts: state.inARow, notSent: state.notSent, last: state.last }
    },
  }
}

/** The target failure's line for a stalled operation. */
export function stallMessage(stalled: Pick<Stalled<unknown>, 'timeouts' | 'notSent'>, error: string): string {
  return `the target stopped answering: ${stalled.timeouts} requests in a row timed out (${error}); ${stalled.notSent} further case(s) of this operation not sent`
}
