// `npm run conformance`. The suites run in threads of this process (vitest's threads pool), so the
// settings their memory depends on are this process's, and must be there from its start: it
// replaces itself, once, by node with them (same pid, nothing left behind).
// - `--heap-growing-percent=50`: V8 lets the heap grow to up to 4× what survived the last full
//   collection before the next one; a worker's live heap is 150 to 350 MB, the rest garbage. 1.5×
//   collects sooner. Not a limit: a deeper run whose live heap is larger gets all it needs.
// - `--no-maglev`: V8's mid-tier compiler took some 300 MB outside the heap within half a second of
//   the positive suite, which glibc kept (TurboFan still optimises).
// - `--max-semi-space-size=32` (MB): a young generation of 64 MB, where V8 sizes it up to 128 MB
//   on this machine. Most of what a worker allocates dies young, and each scavenge costs what
//   survives it, so fewer of them cost less: at 8 MB a fifth of the workers' CPU went to the
//   collector, at 32 MB an eighth. A run in parts (suites/support/parts.ts) holds half the
//   validators per worker, which pays for it: whole API, peak 960 MB at 8 MB in one part, 904 to
//   939 MB at 32 MB in parts (64 MB: 1130 MB).
// - `MALLOC_ARENA_MAX=2`: glibc gives each thread that allocates (V8's compiler and GC helpers) a
//   64 MB arena of its own and seldom hands freed memory back.
const FLAGS = ['--heap-growing-percent=50', '--no-maglev', '--max-semi-space-size=32']
// Where node cannot replace a process (Windows), the run goes on without them: more memory, same results.
if (
  process.platform !== 'win32' &&
  typeof process.execve === 'function' &&
  !FLAGS.every((flag) => process.execArgv.includes(flag))
) {
  process.execve(
    process.execPath,
    [process.execPath, ...process.execArgv, ...FLAGS, ...process.argv.slice(1)],
    {
      ...process.env,
      MALLOC_ARENA_MAX: '2',
    },
  )
}

// Node's compile cache goes on next: a module's static imports are all read, their TypeScript
// stripped, before its first line runs, so the command comes in through a dynamic import and every
// module it reads (0.25 s of stripping on each start) is read from the cache.
await import('./lib/compile-cache.ts')
await import('./lib/conformance.ts')
