// Prism's reading of a document is kept between processes (reports/.prism-cache), by the document
// and Prism's version, a folder with a file per operation: another process, or another engine on an equal document, loads it instead
// of reading the document again, and routes and judges the same.
import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

import { describe, expect, it } from 'vitest'

import { loadSpec } from '../../contracts/spec.ts'
import { prismEngineFor } from '../../mock/prism-engine.ts'

const CACHE = resolve('reports/.prism-cache')

describe('prismEngineFor', () => {
  it("keeps Prism's reading of a document, and an engine built from the kept reading judges alike", async () => {
    const { document } = await loadSpec()
    const first = await prismEngineFor(document)
    const kept = () =>
      readdirSync(CACHE, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.endsWith('.tmp'))
        .map(({ name }) => [name, statSync(join(CACHE, name)).mtimeMs])
    expect(kept().length).toBeGreaterThan(0)
    // An equal document, another object: a new engine, read from the cache, which stays as it was.
    const before = kept()
    const second = await prismEngineFor(structuredClone(document))
    expect(kept()).toEqual(before)
    const route = (engine: typeof first) => engine.route('POST', '/user_identities/grant_access_to_device')
    expect(route(second)).toEqual(route(first))
    const request = {
      method: 'post' as const,
      url: { path: '/user_identities/grant_access_to_device' },
      headers: { 'content-type': 'application/json' },
      body: { device_id: 'not-a-uuid' },
    }
    const operation = route(first)
    if (operation === undefined) throw new Error('no route')
    expect(await second.judge(operation, request)).toEqual(await first.judge(operation, request))
  })

  it("judges without loading Prism's mocker, forwarder or document reader once the reading is kept", async () => {
    await prismEngineFor((await loadSpec()).document)
    // A process of its own: what this worker has loaded says nothing.
    const script = `
      import { createRequire } from 'node:module'
      import { loadSpec } from './contracts/spec.ts'
      import { prismEngineFor } from './mock/prism-engine.ts'
      const engine = await prismEngineFor((await loadSpec()).document)
      const operation = engine.route('POST', '/user_identities/grant_access_to_device')
      await engine.judge(operation, { method: 'post', url: { path: operation.path }, headers: {}, body: {} })
      const loaded = Object.keys(createRequire(import.meta.url).cache)
      console.log(JSON.stringify(loaded.filter((file) => /@faker-js|postman-collection|prism-http\\/dist\\/(mocker|forwarder|index)/.test(file))))
    `
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })
    expect(JSON.parse(output)).toEqual([])
  })
})
