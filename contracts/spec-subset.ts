// The published document cut down to some operations: their paths and methods, and only the
// components they reach through `$ref`. Prism's CLI answers in time proportional to the document it
// serves (about 100 requests/s on the whole 4 MB spec, 500/s on the seed operations alone), so a run
// of a few operations serves only those.
import type { OpenAPIV3 } from 'openapi-types'

import { HTTP_METHODS } from './spec.ts'

export type OperationKey = { method: string; path: string }

export function subsetDocument(document: OpenAPIV3.Document, keep: OperationKey[]): OpenAPIV3.Document {
  const paths: OpenAPIV3.PathsObject = {}
  for (const { method, path } of keep) {
    const item = document.paths[path]
    const operation = item?.[method as OpenAPIV3.HttpMethods]
    if (item === undefined || operation === undefined) throw new Error(`the spec has no ${method} ${path}`)
    // Path-level fields (shared parameters, servers) stay; methods not kept go.
    const kept = (paths[path] ??= withoutMethods(item))
    ;(kept as Record<string, unknown>)[method] = operation
  }
  const subset: OpenAPIV3.Document = { ...document, paths }
  if (document.components !== undefined) subset.components = reachedComponents(document, paths)
  return subset
}

function withoutMethods(item: OpenAPIV3.PathItemObject): OpenAPIV3.PathItemObject {
  return Object.fromEntries(
    Object.entries(item).filter(([key]) => !(HTTP_METHODS as readonly string[]).includes(key)),
  )
}

/** The components the kept paths reach, following `$ref`s through components; security schemes all stay. */
function reachedComponents(
  document: OpenAPIV3.Document,
  paths: OpenAPIV3.PathsObject,
): OpenAPIV3.ComponentsObject {
  const components = document.components as Record<string, Record<string, unknown> | undefined>
  const reached = new Map<string, Set<string>>()
  const pending: unknown[] = [paths]
  while (pending.length > 0) {
    const value = pending.pop()
    if (typeof value !== 'object' || value === null) continue
    for (const [key, child] of Object.entries(value)) {
      if (key !== '$ref' || typeof child !== 'string') {
        pending.push(child)
        continue
      }
      const [, kind, escaped] = /^#\/components\/([^/]+)\/([^/]+)$/.exec(child) ?? []
      if (kind === undefined || escaped === undefined) continue
      const name = escaped.replaceAll('~1', '/').replaceAll('~0', '~')
      const names = reached.get(kind) ?? new Set<string>()
      reached.set(kind, names)
      if (names.has(name)) continue
      names.add(name)
      pending.push(components[kind]?.[name])
    }
  }
  return Object.fromEntries(
    Object.entries(components).map(([kind, group]) => [
      kind,
      kind === 'securitySchemes'
        ? group
        : Object.fromEntries(Object.entries(group ?? {}).filter(([name]) => reached.get(kind)?.has(name))),
    ]),
  ) as OpenAPIV3.ComponentsObject
}
