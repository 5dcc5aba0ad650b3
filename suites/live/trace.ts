// What one case of a stateful property did to the workspace: its generated input, every request it
// made in order, and what it observed for the model to judge. A step that cannot go on (a create
// that failed) stops the case with its finding; the rest of the sequence is not sent.
import { LiveFinding, type StepFinding } from './findings.ts'
import type { LiveExchange } from './live-client.ts'
import type { LiveRun } from './run-context.ts'

export type Trace = {
  /** The engine's scenario that made it: how its judge is found. */
  scenario: string
  input: unknown
  exchanges: LiveExchange[]
  /** The step that could not go on, and why. */
  stopped?: StepFinding
  /** What the case observed, when no step stopped it. */
  facts?: unknown
}

/** Runs one case with a client that records each exchange into the case's trace. */
export async function traceCase(
  run: LiveRun,
  scenario: string,
  input: unknown,
  execute: (run: LiveRun) => Promise<unknown>,
): Promise<Trace> {
  const exchanges: LiveExchange[] = []
  const client = {
    call: async (path: string, body?: unknown) => {
      const exchange = await run.client.call(path, body)
      exchanges.push(exchange)
      return exchange
    },
    close: () => run.client.close(),
  }
  const trace = { scenario, input, exchanges }
  try {
    return { ...trace, facts: await execute({ ...run, client }) }
  } catch (error) {
    if (!(error instanceof LiveFinding)) throw error
    return { ...trace, stopped: error.finding }
  }
}

/** What an expectation (`expectSuccess`, `expectNotFound`) finds, as data instead of a throw. */
export function findingsOf(expectation: () => void): StepFinding[] {
  try {
    expectation()
    return []
  } catch (error) {
    if (!(error instanceof LiveFinding)) throw error
    return [error.finding]
  }
}
