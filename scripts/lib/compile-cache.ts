// Node's compile cache (the TypeScript it strips and the code V8 compiles, keyed by each file's
// content) kept between runs: every test worker imports vitest, Prism, Ajv and the suites afresh.
// Imported first by an entry point: it covers the modules loaded after it (vitest's own, loaded
// lazily) and, through the environment, every process it starts.
import { enableCompileCache } from 'node:module'
import { resolve } from 'node:path'

const directory = resolve(import.meta.dirname, '..', '..', 'reports', '.compile-cache')
process.env.NODE_COMPILE_CACHE ??= directory
enableCompileCache(process.env.NODE_COMPILE_CACHE)
