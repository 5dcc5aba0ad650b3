// createEngine settles a check from its prefetched answers where that is the property's outcome
// anyway: a target error where the first failing case is the target's (without walking shrinks),
// a pass with the accepted findings the property would have reported on its way.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { Check } from '../../../suites/checks/types.ts'
import { createEngine, type RunPlan } from '../../../suites/engine/engine.ts'
import type { EngineEvent } from '../../../suites/engine/events.ts'
import { operation } from '../../helpers/model.ts'

type Answer = { n: number; failure?: string }
const grant = operation('POST /user_identities/grant_access_to_device')
const request = (n: number) => ({
  operation: grant.id,
  method: grant.method,
  path: grant.path,
  query: {},
  body: { n },
})

const check = (
  name: string,
  run: (answer: Answer) => { message: string; known?: string }[],
): Check<null, Answer> => ({
  name,
  description: name,
  severity: 'normal',
  area: 'status',
  answers: 'any',
  appliesTo: () => true,
  run: (_context, answer) => run(answer),
})

function plan(
  answer: (n: number) => Answer,
  checks: Check<null, Answer>[],
  sent: number[] = [],
): RunPlan<null, Answer, Answer> {
  return {
    operations: [
      {
        operation: grant,
        context: null,
        scenarios: [{ name: 'cases', requests: fc.integer({ min: 0, max: 1000 }).map(request), checks }],
        skips: [],
      },
    ],
    target: {
      send: async (sentRequest) => {
        const { n } = sentRequest.body as { n: number }
        sent.push(n)
        return answer(n)
      },
      judged: (a) => (a.failure === undefined ? { judged: a } : { failure: a.failure }),
      status: () => 200,
    },
    seed: 7,
    runs: 20,
    concurrency: 4,
    replay: () => 'replay',
  }
}

async function events(runPlan: RunPlan<null, Answer, Answer>): Promise<EngineEvent<Answer>[]> {
  const seen: EngineEvent<Answer>[] = []
  await createEngine(runPlan, (event) => seen.push(event)).run()
  return seen
}

describe('createEngine', () => {
  it('reports a target error at the first failing prefetched case, without a property run', async () => {
    // Every third case refused: a violation on the rest of them would need shrinking, this does not.
    const refusing = plan(
      (n) => (n % 3 === 0 ? { n, failure: 'connection refused' } : { n }),
      [check('never', () => [])],
    )
    const [verdict] = (await events(refusing)).filter((e) => e.type === 'target_failure')
    expect(verdict).toMatchObject({ type: 'target_failure', check: 'never', error: 'connection refused' })
    if (verdict?.type !== 'target_failure') return
    expect(verdict.path).toBe(String(verdict.runs - 1))
    expect(verdict.exchange.n % 3).toBe(0)
  })

  it('passes a check that holds on every prefetched case, reporting its accepted findings', async () => {
    // The one pass over every check stops at the first case, which `fails` breaks: the findings of
    // `accepts` on the later cases come from settling it on its own.
    const checks = [
      check('fails', () => [{ message: 'always' }]),
      check('accepts', (a) => (a.n % 5 === 0 ? [{ message: `${a.n}`, known: 'five' }] : [])),
    ]
    const sent: number[] = []
    const seen = await events(plan((n) => ({ n }), checks, sent))
    expect(seen.find((e) => e.type === 'check_passed' && e.check === 'accepts')).toBeDefined()
    const known = seen.flatMap((e) =>
      e.type === 'known_finding' && e.check === 'accepts' ? e.known.map((k) => Number(k.message)) : [],
    )
    const multiples = sent.slice(0, 20).filter((n) => n % 5 === 0)
    expect(multiples.length).toBeGreaterThan(1)
    expect(new Set(known)).toEqual(new Set(multiples))
  })
})
