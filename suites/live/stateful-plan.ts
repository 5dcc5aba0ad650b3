// Live mode's stateful properties as run plans for the engine, one plan per property so no case of
// another property runs between its cases. The property is reported under its first documented
// operation, with two scenarios: `probe` (one case: does the target have the operations it uses?)
// and `model` (the property's own cases), or a skip with the reason where a fixture is missing. The
// target runs a case against the workspace and answers with its trace (./trace.ts); a trace that met
// a missing operation or a target failure is the target's failure, and the checks judge the rest.
import fc from 'fast-check'

import type { Operation } from '../../contracts/operations.ts'
import type { GeneratedRequest } from '../../contracts/request.ts'
import type { Check } from '../checks/types.ts'
import { createEngine, type RunPlan } from '../engine/engine.ts'
import type { EngineEvent, Verdict } from '../engine/events.ts'
import type { Target } from '../engine/target.ts'
import type { Scenario } from '../scenarios/types.ts'
import { LIVE_DEFAULTS } from '../support/config.ts'
import { type Finding, LiveFinding, type StepFinding } from './findings.ts'
import { type Fixtures, probeOperation } from './fixtures.ts'
import type { LiveProperty } from './properties.ts'
import type { LiveRun } from './run-context.ts'
import { type Trace, traceCase } from './trace.ts'
import { seedFlag } from '../engine/seed-flag.ts'

export type StatefulRun = {
  run: LiveRun
  fixtures: Fixtures
  /** The spec's operations: a property is reported under its first. */
  operations: Operation[]
  seed: number
  runs: number
  /** The command that replays the run's stateful properties (`statefulReplay`). */
  replay: string
  /** How long one property may take, shrinking included (the engine's default otherwise). */
  budgetMs?: number
}

export type StatefulPlan = RunPlan<undefined, Trace, Trace>

const PROBE = 'probe'
const MODEL = 'model'
const PROBE_CHECK = 'operations_present'

/** One scenario's cases: what fast-check generates, and how a case runs. */
type Cases = {
  runs?: number
  input: fc.Arbitrary<unknown>
  execute(run: LiveRun, input: unknown): Promise<unknown>
}

export function statefulPlan(property: LiveProperty, context: StatefulRun): StatefulPlan {
  const operation = operationOf(property, context.operations)
  const missing = property.needs.filter((need) => {
    const value = context.fixtures[need]
    return value === undefined || (Array.isArray(value) && value.length === 0)
  })
  const cases = new Map<string, Cases>([[PROBE, probeCases(property)]])
  // Without its fixtures the property cannot run; the probe still says what the target lacks.
  if (missing.length === 0) {
    cases.set(MODEL, {
      ...(property.runs === undefined ? {} : { runs: property.runs }),
      input: property.input(context.fixtures),
      execute: (run, input) => property.execute(run, context.fixtures, input),
    })
  }
  const scenarios = [...cases].map(([name, { runs, input }]): Scenario<undefined, Trace> => ({
    name,
    ...(runs === undefined ? {} : { runs }),
    requests: input.map((body): GeneratedRequest => ({ ...requestTo(operation), body })),
    checks: [checkOf(property, name)],
  }))
  const skips =
    missing.length === 0
      ? []
      : [
          {
            check: property.name,
            scenario: MODEL,
            reason: `no ${missing.join(', ')} could be found or created`,
          },
        ]
  return {
    operations: [{ operation, context: undefined, scenarios, skips }],
    target: statefulTarget(property, context.run, cases),
    seed: context.seed,
    runs: context.runs,
    // One case at a time: every case acts on the same workspace, which the model reads.
    concurrency: 1,
    ...(context.budgetMs === undefined ? {} : { budgetMs: context.budgetMs }),
    replay: () => context.replay,
  }
}

/** Runs one property through the engine: its verdicts, and the findings they make for the report. */
export async function runLiveProperty(
  property: LiveProperty,
  context: StatefulRun,
  listener: (event: EngineEvent<Trace>) => void = () => {},
): Promise<{ verdicts: Verdict<Trace>[]; findings: Finding[] }> {
  const verdicts: Verdict<Trace>[] = []
  await createEngine(statefulPlan(property, context), (event) => {
    listener(event)
    const { type } = event
    if (type === 'check_passed' || type === 'violation' || type === 'target_failure' || type === 'skipped')
      verdicts.push(event)
  }).run()
  return { verdicts, findings: propertyFindings(property, verdicts) }
}

/** Everything a trace shows wrong: the step that stopped it, or what its judge finds. */
export function traceFindings(property: LiveProperty, trace: Trace): StepFinding[] {
  if (trace.stopped !== undefined) return [trace.stopped]
  return trace.scenario === PROBE ? (trace.facts as StepFinding[]) : property.judge(trace.facts)
}

/**
 * A property's findings, in the order of its verdicts: a violation's, the target's failures (each
 * operation the probe found missing), a missing fixture. What the property met again that the
 * probe had already found is reported once.
 */
export function propertyFindings(property: LiveProperty, verdicts: Verdict<Trace>[]): Finding[] {
  const findings: Finding[] = []
  for (const verdict of verdicts) {
    const found: StepFinding[] =
      verdict.type === 'violation'
        ? traceFindings(property, verdict.exchange).filter((finding) => finding.kind === 'violation')
        : verdict.type === 'target_failure'
          ? traceFindings(property, verdict.exchange)
          : verdict.type === 'skipped'
            ? [
                {
                  kind: 'fixture_unavailable',
                  operation: property.operations[0] ?? '',
                  detail: verdict.reason,
                },
              ]
            : []
    for (const finding of found) {
      const known = findings.some(
        (other) => other.kind === finding.kind && other.operation === finding.operation,
      )
      if (!known) findings.push({ ...finding, property: property.name })
    }
  }
  return findings
}

/** The command that replays live mode's stateful properties with the run's seed. */
export function statefulReplay(run: { seed: number; runs: number; endpoint?: string }): string {
  const flags = [
    '--target live',
    seedFlag(run.seed),
    '--operations seed',
    ...(run.runs === LIVE_DEFAULTS.runs ? [] : [`--runs ${run.runs}`]),
    ...(run.endpoint === undefined ? [] : [`--endpoint '${run.endpoint}'`]),
  ]
  return `npm run conformance -- ${flags.join(' ')}`
}

/** What a check of the property holds the workspace to. */
export function ruleOf(property: LiveProperty, check: string): string {
  return check === PROBE_CHECK ? `the target has ${property.operations.join(', ')}` : property.description
}

export function describeStep(finding: StepFinding): string {
  return `${finding.kind} ${finding.operation} — ${finding.detail}`
}

/** Whether the target has each operation the property uses: one case, every operation probed. */
function probeCases(property: LiveProperty): Cases {
  return {
    runs: 1,
    input: fc.constant(property.operations),
    async execute(run) {
      const found: StepFinding[] = []
      for (const path of property.operations) {
        try {
          await probeOperation(run, path)
        } catch (error) {
          if (!(error instanceof LiveFinding)) throw error
          found.push(error.finding)
        }
      }
      return found
    },
  }
}

function statefulTarget(
  property: LiveProperty,
  run: LiveRun,
  cases: Map<string, Cases>,
): Target<Trace, Trace> {
  return {
    send: (request, scenario) =>
      traceCase(run, scenario, request.body, (traced) =>
        (cases.get(scenario) as Cases).execute(traced, request.body),
      ),
    // A missing operation or a target failure says nothing about the property: the target's failure.
    judged: (trace) => {
      const failed = traceFindings(property, trace).find((finding) => finding.kind !== 'violation')
      return failed === undefined ? { judged: trace } : { failure: describeStep(failed) }
    },
    status: () => undefined,
  }
}

function checkOf(property: LiveProperty, scenario: string): Check<undefined, Trace> {
  const probe = scenario === PROBE
  return {
    name: probe ? PROBE_CHECK : property.name,
    description: ruleOf(property, probe ? PROBE_CHECK : property.name),
    severity: 'normal',
    area: probe ? 'availability' : 'content',
    answers: 'any',
    appliesTo: () => true,
    run: (_context, trace) =>
      traceFindings(property, trace)
        .filter((finding) => finding.kind === 'violation')
        .map((finding) => ({ message: describeStep(finding) })),
  }
}

function operationOf(property: LiveProperty, operations: Operation[]): Operation {
  const id = `POST ${property.operations[0]}`
  const found = operations.find((operation) => operation.id === id)
  if (found === undefined) throw new Error(`${property.name}: the spec has no ${id}`)
  return found
}

/** A case sent to the operation: its body is the generated input, which the target runs. */
function requestTo(operation: Operation): Omit<GeneratedRequest, 'body'> {
  return { operation: operation.id, method: operation.method, path: operation.path, query: {} }
}
