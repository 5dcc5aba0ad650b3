// What the engine sends cases to. An HTTP target answers with exchanges; the SDK gate's answers
// are SDK calls. Either way an answer is judged by checks, or it is the target's failure.
import type { Exchange, RespondedExchange } from '../../contracts/exchange.ts'
import type { GeneratedRequest } from '../../contracts/request.ts'

export type Target<Answer, Judged> = {
  /** Sends one case of a scenario; never throws: a failure is part of the answer. */
  send(request: GeneratedRequest, scenario: string): Promise<Answer>
  /**
   * What the checks judge, or why there is nothing to judge (refused, reset, timed out); `timedOut`
   * says the deadline passed, which the engine counts to tell when a target stopped answering.
   */
  judged(answer: Answer): { judged: Judged } | { failure: string; timedOut?: boolean }
  /** The status code the checks' `answers` filter reads; undefined when there is none. */
  status(judged: Judged): number | undefined
}

/** Sends one request: what an HTTP client offers. */
export type Send = (request: GeneratedRequest) => Promise<Exchange>

export function httpTarget(send: Send): Target<Exchange, RespondedExchange> {
  return {
    send: (request) => send(request),
    judged: (exchange) =>
      exchange.response === undefined
        ? { failure: exchange.error ?? 'no response', timedOut: exchange.timedOut === true }
        : { judged: exchange as RespondedExchange },
    status: (exchange) => exchange.response.status,
  }
}
