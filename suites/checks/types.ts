import type { Operation } from '../../contracts/operations.ts'
import type { Validators } from '../../contracts/validators.ts'
import type { RespondedExchange } from '../../contracts/exchange.ts'

export type CheckContext = { operation: Operation; validators: Validators }

/**
 * What a check saw: a broken rule. `known` names an accepted finding (suites/sdk/known-findings.ts):
 * reported, but not failing the run. `spec` says the spec itself is to blame, and how (its own
 * example breaks its schema, …; contracts/spec-defects.ts): a `spec` finding, not the server's.
 */
export type Finding = { message: string; known?: string; spec?: string }

/** A finding with the name of the check that made it: the engine stamps it. */
export type Violation = Finding & { check: string }

/** How much a broken rule matters: a security hole first, a documentation mismatch last. */
export type Severity = 'blocker' | 'critical' | 'normal' | 'minor'

/** Which answers a check judges: the engine runs it on those alone. */
export type Answers = 'any' | 'success' | 'client_error'

/** What a check is about, for grouping in reports. */
export type CheckArea =
  | 'availability'
  | 'status'
  | 'content'
  | 'schema'
  | 'shape'
  | 'errors'
  | 'auth'
  /** What an SDK makes of the API: the release gate's checks. */
  | 'sdk'

/** What every check declares about itself, whatever it judges. */
export type CheckMeta = {
  name: string
  description: string
  severity: Severity
  area: CheckArea
  answers: Answers
  /** Which operations it means something for, so reports never list a check that cannot run. */
  appliesTo(operation: Operation): boolean
}

/**
 * A check is a pure function that returns every rule it sees broken. Over an exchange by default;
 * the SDK gate's checks judge an SDK call with their own context.
 */
export type Check<Context = CheckContext, Judged = RespondedExchange> = CheckMeta & {
  run(context: Context, judged: Judged): Finding[]
}
