import { describe, expect, it } from 'vitest'
import type { TestSpecification } from 'vitest/node'

import { PartsSequencer } from '../../../suites/support/parts-order.ts'

const spec = (part: number, suite: string) =>
  ({
    moduleId: `/repo/suites/${suite}.suite.ts`,
    project: { getProvidedContext: () => ({ part: { index: part, count: 2 } }) },
  }) as unknown as TestSpecification

const named = (specs: TestSpecification[]) =>
  specs.map((s) => `${s.project.getProvidedContext().part?.index} ${s.moduleId.split('/').pop()}`)

describe('PartsSequencer', () => {
  it('queues part 1 longest first, then part 2 with positive ahead of auth', () => {
    const files = [1, 2].flatMap((part) => ['negative', 'positive', 'auth'].map((suite) => spec(part, suite)))
    expect(named(new PartsSequencer().sort(files))).toEqual([
      '1 auth.suite.ts',
      '1 positive.suite.ts',
      '1 negative.suite.ts',
      '2 positive.suite.ts',
      '2 auth.suite.ts',
      '2 negative.suite.ts',
    ])
  })
})
