// Prism's reading of a document is kept between processes (reports/.prism-cache), by the document
// and Prism's version, a folder with a file per operation: another process, or another engine on an equal document, loads it instead
// of reading the document again, and routes and judges the same.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs'
import { join, resolve } from 'node:path'

import { describe, expect, it } from 'vitest'

import { loadSpec } from '../../contracts/spec.ts'
import { prismEngineFor } from '../../mock/prism-engine.ts'

const CACHE = resolve('reports/.prism-cache')

describe('prismEngineFor', () => {
  it("keeps Prism's reading of a document, and an engine built from the kept reading judges alike", async () => {
    const { document } = await loadSpec()
    const first = await prismEngineFor(document)
    // Each reading's files and when they were written (its folder's time is when it was last used).
    const kept = () =>
      readings().map((name) => {
        const files = readdirSync(join(CACHE, name))
        return [name, files.length, statSync(join(CACHE, name, files[0] ?? '')).mtimeMs]
      })
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

  it('removes the readings no process used for a week once it writes a new one', async () => {
    const aged = (name: string, days: number) => {
      const path = join(CACHE, name)
      mkdirSync(path, { recursive: true })
      const then = new Date(Date.now() - days * 24 * 3600 * 1000)
      utimesSync(path, then, then)
      return path
    }
    const old = aged('test-unused-8-days', 8)
    const recent = aged('test-unused-1-day', 1)
    const before = new Set(readings())
    // A document no one read before (its own title): its reading is written, and the cache pruned.
    const document = {
      openapi: '3.0.0',
      info: { title: `prune test ${Date.now()} ${Math.random()}`, version: '1' },
      paths: { '/x': { post: { responses: { '200': { description: 'ok' } } } } },
    }
    const engine = await prismEngineFor(document)
    const written = readings().filter((name) => !before.has(name))
    try {
      expect(engine.route('POST', '/x')).toBeDefined()
      expect(written).toHaveLength(1)
      expect(readings()).not.toContain('test-unused-8-days')
      expect(readings()).toContain('test-unused-1-day')
    } finally {
      for (const path of [old, recent, ...written.map((name) => join(CACHE, name))])
        rmSync(path, { recursive: true, force: true })
    }
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

/** The readings kept: one folder each (a `.tmp` one is being written). */
function readings(): string[] {
  return readdirSync(CACHE, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.endsWith('.tmp'))
    .map(({ name }) => name)
}
