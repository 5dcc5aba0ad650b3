import type { Operation } from '../../contracts/operations.ts'
import { onlyChecks } from './only-checks.ts'
import { applySkipList } from './skip-list.ts'
import type { Plan, PlanFor, PlanOptions } from './types.ts'

/** What a run does for an operation: the suite's plan, less the skip list, narrowed to `--checks`. */
export function runPlan(
  planFor: PlanFor,
  operation: Operation,
  options: PlanOptions & { checks?: string[] },
): Plan {
  return onlyChecks(applySkipList(planFor(operation, options), operation), options.checks)
}
