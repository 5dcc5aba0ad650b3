import { defineConfig } from 'vitest/config'

import type { Shard } from './suites/support/config.ts'
import { PARTS_VARIABLE, partName, parts } from './suites/support/parts.ts'
import { PartsSequencer } from './suites/support/parts-order.ts'

// No test may reach a real workspace by accident: the suite's own tests never see SEAM_* from the
// shell. `npm run conformance` hands its configuration over through vitest's `provide` instead.
for (const name of Object.keys(process.env)) {
  if (name.startsWith('SEAM_')) delete process.env[name]
}

const inParts = process.env[PARTS_VARIABLE] !== undefined

export default defineConfig({
  test: {
    // A run in parts queues its files so that both workers end together (suites/support/parts-order.ts).
    ...(inParts ? { sequence: { sequencer: PartsSequencer } } : {}),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          testTimeout: 120_000,
          // Some files start several mocks in one hook: generous on a loaded 2-core machine.
          hookTimeout: 60_000,
        },
      },
      conformanceProject('conformance'),
      // `npm run conformance` on a large selection runs these instead (suites/support/parts.ts).
      ...(inParts
        ? parts(Number(process.env[PARTS_VARIABLE])).map((part) => conformanceProject(partName(part), part))
        : []),
      {
        test: {
          // Live mode (`npm run conformance -- --target live`): stateful properties against a workspace.
          name: 'live',
          include: ['suites/live/**/*.live.ts'],
          globalSetup: ['suites/live/global-setup.ts'],
          // Threads of the run's process: a Ctrl-C reaches that process alone, which cancels the run
          // and cleans up (scripts/lib/interrupt.ts); a forked worker would die of it mid-test.
          pool: 'threads' as const,
          setupFiles: ['allure-vitest/setup'],
          hookTimeout: 60_000,
        },
      },
    ],
  },
})

/** The mock suites' project; a part of a run checks only its share of the selected operations. */
function conformanceProject(name: string, part?: Shard) {
  return {
    test: {
      name,
      include: ['suites/**/*.suite.ts'],
      globalSetup: ['suites/support/global-setup.ts'],
      ...(part === undefined ? {} : { provide: { part } }),
      // The suite files share a worker: the imports, the spec, the validators (the suite's and
      // Prism's, compiled lazily for every operation a file reaches) and the mock are made once
      // per worker, not once per file (whole API: 209 → 168 s of CPU, 173 → 132 s, the same peak
      // memory). Node runs the TypeScript itself (the suites use neither vi.mock nor
      // import.meta.vitest): no Vite transform per module.
      isolate: false,
      // Threads of the run's process, not processes of their own: one process less (its node,
      // vitest's watchdog beside it) is some 90 MB less at the peak. The V8 flags and the
      // allocator setting the suites' memory depends on are set on that process when
      // `npm run conformance` starts it (scripts/conformance.ts).
      pool: 'threads' as const,
      experimental: { viteModuleRunner: false, nodeLoader: false },
      // Lets the suites label and attach to Allure results; `npm run conformance` adds the
      // reporter that writes them (under `npm test` the labels go nowhere).
      setupFiles: ['allure-vitest/setup'],
      // Each conformance test sets its own timeout from the run's configuration.
      hookTimeout: 60_000,
    },
  }
}
