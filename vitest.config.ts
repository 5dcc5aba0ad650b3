import { defineConfig } from 'vitest/config'

// No test may reach a real workspace by accident: the suite's own tests never see SEAM_* from the
// shell. `npm run conformance` hands its configuration over through vitest's `provide` instead.
for (const name of Object.keys(process.env)) {
  if (name.startsWith('SEAM_')) delete process.env[name]
}

export default defineConfig({
  test: {
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
      {
        test: {
          name: 'conformance',
          include: ['suites/**/*.suite.ts'],
          globalSetup: ['suites/support/global-setup.ts'],
          // The suite files share a worker: the imports, the spec, the validators (the suite's and
          // Prism's, compiled lazily for every operation a file reaches) and the mock are made once
          // per worker, not once per file (whole API: 209 → 172 s of CPU, 173 → 137 s, the same peak
          // memory). Node runs the TypeScript itself (the suites use neither vi.mock nor
          // import.meta.vitest): no Vite transform per module.
          isolate: false,
          // glibc gives each thread that allocates (V8's compiler and GC helpers) a 64 MB arena of its
          // own and seldom hands freed memory back: two arenas cut a worker's peak by ~200 MB.
          env: { MALLOC_ARENA_MAX: '2' },
          // V8 lets the heap grow to up to 4× what survived the last full collection before the next
          // one: a worker's live heap is 150 to 350 MB, its heap up to 900 MB, the rest garbage. 1.5×
          // collects sooner (whole API: largest worker 1.39 → 1.08 GB, 8 % more CPU). Not a limit: a
          // deeper run whose live heap is larger still gets all the heap it needs.
          // Maglev, V8's mid-tier compiler, took some 300 MB outside the heap within half a second of
          // the positive suite (around the /thermostats operations: some hot function it compiled) and
          // glibc kept it. Without it (TurboFan still optimises) the largest worker 1.20 → 0.67 GB.
          execArgv: ['--heap-growing-percent=50', '--no-maglev'],
          experimental: { viteModuleRunner: false, nodeLoader: false },
          // Lets the suites label and attach to Allure results; `npm run conformance` adds the
          // reporter that writes them (under `npm test` the labels go nowhere).
          setupFiles: ['allure-vitest/setup'],
          // Each conformance test sets its own timeout from the run's configuration.
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // Live mode (`npm run conformance -- --target live`): stateful properties against a workspace.
          name: 'live',
          include: ['suites/live/**/*.live.ts'],
          globalSetup: ['suites/live/global-setup.ts'],
          setupFiles: ['allure-vitest/setup'],
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
