// A target that stops answering must not cost the full timeout for every case. The engine counts
// timeouts in a row per operation, per kind of invalid request across operations (Prism's CLI
// never answers a body that is not JSON, whatever the operation), and across every operation, both
// while the target has answered nothing at all and once it stops answering after it did: after a
// few, it sends nothing more of that operation, that kind, or at all. Each property that meets such
// a stall reports one target failure with the count, and the run moves on.

/** Timeouts in a row after which an operation's (or a kind's) remaining cases are not sent. */
export const TIMEOUTS_BEFORE_GIVING_UP = 3

/**
 * What a run of timeouts is counted for: one operation, or requests across operations
 * (`acrossOperations`: it stops only once its timeouts came from that many operations, so one
 * operation that stopped answering never holds back the same kind of request to the others).
 * `untilAnswered`: counted only until the target's first complete answer, then never again.
 * `inARow`: the timeouts in a row that stop it, when not the guard's own limit.
 */
export type Stall = {
  key: string
  what: string
  acrossOperations?: number
  untilAnswered?: boolean
  inARow?: number
}

/**
 * Every request, while the target has answered none: a target that answers nothing at all is given
 * up after its timeouts came from three operations, however many operations the run has left.
 */
export const NOTHING_ANSWERED: Stall = {
  key: 'nothing answered',
  what: "anything, having answered none of the suite's requests",
  acrossOperations: 3,
  untilAnswered: true,
}

/**
 * Every request, once a target that answered stops answering: more timeouts in a row, from three
 * operations, than twice the cases in flight. At most `inFlight` are in flight at once, so most of
 * that row was sent after an earlier request had waited out its whole deadline, and timed out as
 * well. A target that never answers one kind of request (Prism's CLI and a body that is not JSON)
 * cannot make such a row: its kind stops after a few, and the other requests are answered between.
 */
export function stoppedAnswering(inFlight: number, limit: number = TIMEOUTS_BEFORE_GIVING_UP): Stall {
  return { key: 'stopped answering', what: 'anything', acrossOperations: 3, inARow: 2 * inFlight + limit }
}

/** A case the engine did not send: the target had stopped answering its operation, its kind, or anything. */
export class NotSent {
  readonly stall: Stall

  constructor(stall: Stall) {
    this.stall = stall
  }

  get reason(): string {
    return `not sent: the target had stopped answering ${this.stall.what}`
  }
}

/** How a stall looked: how many timed out in a row, how many cases were then held back. */
export type Stalled<Answer> = { timeouts: number; notSent: number; last: Answer }

export type StallGuard<Answer> = {
  /** The first of these stalls that stopped sending, if one did. */
  stoppedBy(stalls: Stall[]): Stall | undefined
  /** Stands in for a case held back by a stall, counting it. */
  hold(stall: Stall): NotSent
  /** Counts an answer for each stall it belongs to: a timeout adds to the run, a complete answer ends it. */
  note(
    stalls: Stall[],
    answer: Answer,
    outcome: 'timeout' | 'answered' | 'other_failure',
    operation: string,
  ): void
  /** How a stall that stopped sending looked; undefined while it has not. */
  stalled(stall: Stall): Stalled<Answer> | undefined
}

export function createStallGuard<Answer>(limit: number = TIMEOUTS_BEFORE_GIVING_UP): StallGuard<Answer> {
  type State = {
    inARow: number
    from: Set<string>
    notSent: number
    last?: Answer
    stopped: boolean
    /** An `untilAnswered` stall after the target's first answer. */
    disarmed: boolean
  }
  const states = new Map<string, State>()
  const stateOf = ({ key }: Stall): State => {
    let state = states.get(key)
    if (state === undefined) {
      state = { inARow: 0, from: new Set(), notSent: 0, stopped: false, disarmed: false }
      states.set(key, state)
    }
    return state
  }
  return {
    stoppedBy: (stalls) => stalls.find((stall) => states.get(stall.key)?.stopped === true),
    hold(stall) {
      stateOf(stall).notSent++
      return new NotSent(stall)
    },
    note(stalls, answer, outcome, operation) {
      for (const stall of stalls) {
        const state = stateOf(stall)
        if (state.stopped || state.disarmed) continue
        if (outcome === 'answered') {
          state.inARow = 0
          state.from.clear()
          state.disarmed = stall.untilAnswered === true
        }
        if (outcome !== 'timeout') continue
        state.inARow++
        state.from.add(operation)
        state.last = answer
        const widely = state.from.size >= (stall.acrossOperations ?? 1)
        if (state.inARow >= (stall.inARow ?? limit) && widely) state.stopped = true
      }
    },
    stalled(stall) {
      const state = states.get(stall.key)
      if (state?.stopped !== true || state.last === undefined) return undefined
      return { timeouts: state.inARow, notSent: state.notSent, last: state.last }
    },
  }
}

/** The target failure's line for a stall. */
export function stallMessage(
  stall: Stall,
  stalled: Pick<Stalled<unknown>, 'timeouts' | 'notSent'>,
  error: string,
): string {
  const held = stalled.notSent === 0 ? '' : `; ${stalled.notSent} further case(s) not sent`
  return `the target stopped answering ${stall.what}: ${stalled.timeouts} requests in a row timed out (${error})${held}`
}
