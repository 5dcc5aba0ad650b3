// What a live run sends where. The seed operations get every suite, with IDs bound to the run's
// fixtures; the other operations only as far as their safety class allows (contracts/safety.ts):
// read-only ones get the valid, auth and never-created-ID suites, creates the ledger can undo get
// valid cases; the rest are listed as skipped
// with their class and its reason. Nothing is left out silently.
import type { IdBindings } from '../../contracts/arbitraries/bound-ids.ts'
import { yieldsSome } from '../../contracts/arbitraries/probe.ts'
import type { JsonSchema } from '../../contracts/json-schema.ts'
import type { Operation } from '../../contracts/operations.ts'
import type { GeneratedRequest } from '../../contracts/request.ts'
import { safetyOf } from '../../contracts/safety.ts'
import { SEED_PATHS } from '../../contracts/selection.ts'
import { authPlan } from '../scenarios/auth.ts'
import { negativePlan } from '../scenarios/negative.ts'
import { notFoundPlan } from '../scenarios/not-found.ts'
import { positivePlan } from '../scenarios/positive.ts'
import type { Plan, PlanFor, PlanOptions } from '../scenarios/types.ts'

export type LiveSuite = 'positive' | 'negative' | 'auth' | 'not_found'

/** The suites a live run runs, in order, each with the plan it starts from. */
export const LIVE_SUITES: [LiveSuite, PlanFor][] = [
  ['positive', positivePlan],
  ['negative', negativePlan],
  ['auth', authPlan],
  ['not_found', notFoundPlan],
]

/** The suites a live run gives an operation, or why it gives none. */
export function liveSuitesFor(
  operation: Operation,
  undoable?: readonly string[],
): { suites: LiveSuite[] } | { skip: string } {
  if (isSeed(operation)) return { suites: ['positive', 'negative', 'auth'] }
  const safety = safetyOf(operation)
  if (safety?.class === 'read') return { suites: ['positive', 'auth', 'not_found'] }
  // Valid cases only: each creates a resource, which the ledger records from the answer and removes.
  if (safety?.class === 'create') {
    if (undoable === undefined || undoable.includes(operation.path)) return { suites: ['positive'] }
    return {
      skip: `not sent: the target lacks ${safety.undo?.path}, so what it creates could not be removed`,
    }
  }
  const what = safety === undefined ? 'no reviewed safety class' : `${safety.class}: ${safety.why}`
  return {
    skip: `not sent to a workspace (${what}); live runs send the seed, read-only and undoable create operations`,
  }
}

/** A suite's plan for live mode: bound to real IDs, or skipped with the reason it cannot run here. */
export function livePlan<Context, Judged>(
  suite: LiveSuite,
  planFor: PlanFor<Context, Judged>,
  undoable?: readonly string[],
): PlanFor<Context, Judged> {
  return (operation, options) => {
    const plan = planFor(operation, options)
    const decided = liveSuitesFor(operation, undoable)
    if ('skip' in decided) return skipAll(plan, decided.skip)
    if (!decided.suites.includes(suite)) return { scenarios: [], skips: [] }
    // A made-up ID where the workspace needs a real one is a 404, not a test of the operation.
    const gaps = suite === 'not_found' ? [] : unboundRequiredIds(operation.input.schema, options.ids ?? {})
    if (gaps.length === 0) {
      if (suite === 'auth' && !isSeed(operation)) return fewer(onlyRealIds(plan, options.ids ?? {}))
      if (suite !== 'not_found') return onlyRealIds(plan, options.ids ?? {})
      return requiresId(operation.input.schema)
        ? plan
        : skipAll(plan, 'the operation takes no required ID: nothing can be never-created')
    }
    const reason = `no fixture for ${gaps.join(', ')}: a made-up ID is not a test of the operation`
    // Refused credentials are refused before any lookup: those still run.
    return suite === 'auth'
      ? skipScenarios(plan, ['accepted credentials', 'no workspace'], reason)
      : skipAll(plan, reason)
  }
}

export type LiveOptions = PlanOptions & { ids: IdBindings }

/**
 * Leaves out the cases that carry an ID parameter the run has no real value for (an optional
 * filter, or an alternative it cannot fill): filtered, not stripped, so prose rules still hold.
 */
function onlyRealIds<Context, Judged>(plan: Plan<Context, Judged>, ids: IdBindings): Plan<Context, Judged> {
  const real = (payload: unknown) =>
    typeof payload !== 'object' ||
    payload === null ||
    Object.keys(payload).every((name) => !isId(name) || (ids[name]?.length ?? 0) > 0)
  const realRequest = (request: GeneratedRequest) => real(request.body) && real(request.query)
  // A filter that can never pass would spin: probed once, and such a scenario is skipped instead.
  const hopeless = plan.scenarios.filter((scenario) => !yieldsSome(scenario.requests, realRequest))
  const kept = skipScenarios(
    plan,
    hopeless.map((scenario) => scenario.name),
    'its generated cases carry IDs the run has no real value for',
  )
  return {
    ...kept,
    scenarios: kept.scenarios.map((scenario) => ({
      ...scenario,
      requests: scenario.requests.filter(realRequest),
    })),
  }
}

function skipAll<Context, Judged>(plan: Plan<Context, Judged>, reason: string): Plan<Context, Judged> {
  return skipScenarios(
    plan,
    plan.scenarios.map((scenario) => scenario.name),
    reason,
  )
}

function skipScenarios<Context, Judged>(
  plan: Plan<Context, Judged>,
  names: string[],
  reason: string,
): Plan<Context, Judged> {
  const skipped = plan.scenarios.filter((scenario) => names.includes(scenario.name))
  return {
    scenarios: plan.scenarios.filter((scenario) => !names.includes(scenario.name)),
    skips: [
      ...plan.skips,
      ...skipped.flatMap((scenario) =>
        scenario.checks.map((check) => ({ check: check.name, scenario: scenario.name, reason })),
      ),
    ],
  }
}

const isId = (name: string) => name.endsWith('_id')

const isSeed = (operation: Operation) => (SEED_PATHS as readonly string[]).includes(operation.path)

/** Cases per credential scenario on the sweep: every read-only operation, so a few each is the courteous bound. */
export const SWEEP_AUTH_RUNS = 3

function fewer<Context, Judged>(plan: Plan<Context, Judged>): Plan<Context, Judged> {
  return {
    ...plan,
    scenarios: plan.scenarios.map((scenario) => ({
      ...scenario,
      runs: Math.min(scenario.runs ?? SWEEP_AUTH_RUNS, SWEEP_AUTH_RUNS),
    })),
  }
}

/** Required ID parameters the bindings have no real value for: at the top, or in every alternative. */
export function unboundRequiredIds(schema: JsonSchema, ids: IdBindings): string[] {
  const unbound = (names: string[] = []) =>
    names.filter((name) => isId(name) && (ids[name]?.length ?? 0) === 0)
  const top = unbound(schema.required)
  const alternatives = schema.oneOf ?? schema.anyOf
  if (alternatives === undefined || alternatives.length === 0) return top
  const each = alternatives.map((alternative) => unbound(alternative.required))
  // One alternative the bindings can fill is enough: the generator may pick it, and binding keeps it.
  return each.some((gaps) => gaps.length === 0) ? top : [...new Set([...top, ...each.flat()])]
}

function requiresId(schema: JsonSchema): boolean {
  return unboundRequiredIds(schema, {}).length > 0
}
