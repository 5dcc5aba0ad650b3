// The built spec kept between processes: normalising every schema and dereferencing a copy cost
// each process (the runner, the mock, every test worker) about a second and a half; reading it
// back costs a tenth of that. v8's serializer, unlike JSON, keeps the dereferenced document's
// shared and circular references. Keyed by what the build depends on: the document's version, the
// code that builds it and V8's own format.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { deserialize, serialize } from 'node:v8'

const CACHE = resolve(import.meta.dirname, '..', 'reports', '.built-spec')

/** `build()`'s value, read back from an earlier process that built it from the same `inputs`. */
export async function kept<T>(inputs: string[], build: () => Promise<T>): Promise<T> {
  const hash = createHash('sha256').update(process.versions.v8)
  for (const input of inputs) hash.update(input).update('\0')
  const file = join(CACHE, `${hash.digest('hex').slice(0, 24)}.v8`)
  try {
    return deserialize(readFileSync(file)) as T
  } catch {
    // Not built yet (or unreadable): build it now.
  }
  const value = await build()
  try {
    mkdirSync(CACHE, { recursive: true })
    // Written whole, then renamed: a process reading it at the same moment never sees half of it.
    const partial = `${file}.${process.pid}.tmp`
    writeFileSync(partial, serialize(value))
    renameSync(partial, file)
  } catch {
    // A cache that cannot be written only costs the next process the same build.
  }
  return value
}
