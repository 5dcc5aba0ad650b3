// A spec cut down to some operations keeps exactly those operations, every component they reach
// and no other: what Prism's CLI serves for a narrowed run.
import { describe, expect, it } from 'vitest'

import { subsetDocument } from '../../contracts/spec-subset.ts'
import { pinnedDocument } from '../../contracts/spec.ts'
import { seedOperations } from '../helpers/model.ts'

const refsIn = (value: unknown): string[] =>
  JSON.stringify(value)
    .match(/"\$ref":"[^"]+"/g)
    ?.map((ref) => ref.slice(8, -1)) ?? []

describe('subsetDocument', () => {
  const document = pinnedDocument()
  const subset = subsetDocument(document, seedOperations)

  it('keeps exactly the operations asked for, each as published', () => {
    const kept = Object.entries(subset.paths).flatMap(([path, item]) =>
      Object.keys(item ?? {}).map((method) => `${method.toUpperCase()} ${path}`),
    )
    expect(kept.sort()).toEqual(seedOperations.map(({ id }) => id).sort())
    for (const { method, path } of seedOperations) {
      expect(subset.paths[path]?.[method]).toBe(document.paths[path]?.[method])
    }
  })

  it('keeps every component a kept operation reaches, and only those', () => {
    const pointer = (ref: string) =>
      ref
        .slice(2)
        .split('/')
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], subset)
    for (const ref of refsIn(subset)) expect(pointer(ref), ref).toBeDefined()
    const reached = new Set(refsIn(subset))
    for (const [kind, group] of Object.entries(subset.components ?? {})) {
      if (kind === 'securitySchemes') continue
      for (const name of Object.keys(group)) expect(reached).toContain(`#/components/${kind}/${name}`)
    }
    expect(subset.components?.securitySchemes).toEqual(document.components?.securitySchemes)
    expect(JSON.stringify(subset).length).toBeLessThan(JSON.stringify(document).length / 10)
  })

  it('leaves the published document untouched, and refuses an operation it lacks', () => {
    expect(Object.keys(document.paths).length).toBeGreaterThan(Object.keys(subset.paths).length)
    expect(() => subsetDocument(document, [{ method: 'get', path: '/no/such' }])).toThrow(
      'the spec has no get /no/such',
    )
  })
})
