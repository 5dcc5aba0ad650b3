import type { Operation } from '../../contracts/operations.ts'
import type { Validators } from '../../contracts/validators.ts'
import type { RespondedExchange } from '../../contracts/exchange.ts'

export type CheckContext = { operation: Operation; validators: Validators }

/**
 * A broken rule: the check that saw it and what it saw. `known` names an accepted finding
 * (suites/sdk/known-findings.ts): reported, but not failing the run.
 */
export type Violation = { check: string; message: string; known?: string }

/**
 * A check is a pure function over one exchange that returns every violation it sees. `appliesTo`
 * says which operations it means something for, so reports never list a check that cannot run.
 */
export type Check = {
  name: string
  description: string
  appliesTo(operation: Operation): boolean
  run(context: CheckContext, exchange: RespondedExchange): Violation[]
}
