// Loads the pinned Seam Connect OpenAPI document from `@seamapi/types` (no network), normalises
// its schemas for Ajv, and dereferences a copy for the operation model and the arbitraries.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

import { $RefParser } from '@apidevtools/json-schema-ref-parser'
import type { OpenAPIV3 } from 'openapi-types'

import { type JsonSchema, normalizeSchema } from './json-schema.ts'
import { kept } from './spec-cache.ts'

export type Spec = {
  /** The `@seamapi/types` version the document came from. */
  version: string
  /** Normalised, `$ref`s kept: what Ajv compiles against. */
  document: OpenAPIV3.Document
  /** Normalised and dereferenced: what the model and the arbitraries read. */
  dereferenced: OpenAPIV3.Document
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

const require = createRequire(import.meta.url)

export function pinnedSpecVersion(): string {
  const packageJson = join(dirname(require.resolve('@seamapi/types')), '..', 'package.json')
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version
}

export async function buildSpec(source: unknown, version: string): Promise<Spec> {
  assertOpenApi30(source)
  const document = normalizeDocument(structuredClone(source))
  const dereferenced = await $RefParser.dereference<OpenAPIV3.Document>(structuredClone(document), {
    resolve: { external: false },
  })
  return { version, document, dereferenced }
}

/** The pinned document exactly as `@seamapi/types` publishes it: what `spec:export` writes for other tools. */
// Required when first asked for: a process that reads the built spec from its cache never loads it.
export function pinnedDocument(): OpenAPIV3.Document {
  return (require('@seamapi/types/connect') as { openapi: OpenAPIV3.Document }).openapi
}

let pinned: Promise<Spec> | undefined

/** The pinned spec, built once per process, or read back from an earlier process's build. */
export function loadSpec(): Promise<Spec> {
  pinned ??= keptPinnedSpec()
  return pinned
}

/** Kept by what the build depends on: the document's version, this code and the dereferencer's. */
function keptPinnedSpec(): Promise<Spec> {
  const version = pinnedSpecVersion()
  const code = ['spec.ts', 'json-schema.ts'].map((file) =>
    readFileSync(join(import.meta.dirname, file), 'utf8'),
  )
  const refParser = require('@apidevtools/json-schema-ref-parser/package.json') as { version: string }
  return kept([version, refParser.version, ...code], () => buildSpec(pinnedDocument(), version))
}

function assertOpenApi30(source: unknown): asserts source is OpenAPIV3.Document {
  const doc = source as Partial<OpenAPIV3.Document> | null
  if (typeof doc !== 'object' || doc === null || typeof doc.openapi !== 'string') {
    throw new Error('spec is not an OpenAPI document: no "openapi" version field')
  }
  if (!doc.openapi.startsWith('3.0')) {
    throw new Error(`spec is OpenAPI ${doc.openapi}; this suite reads OpenAPI 3.0 documents`)
  }
  if (typeof doc.paths !== 'object' || doc.paths === null) {
    throw new Error('spec has no "paths" object')
  }
}

/** Normalises every schema the document holds: components, parameters, bodies, responses. */
function normalizeDocument(doc: OpenAPIV3.Document): OpenAPIV3.Document {
  const schemas = doc.components?.schemas
  if (schemas !== undefined) {
    for (const [name, schema] of Object.entries(schemas)) schemas[name] = normalizeAny(schema)
  }
  for (const pathItem of Object.values(doc.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem?.[method]
      if (operation === undefined) continue
      for (const parameter of operation.parameters ?? []) {
        if ('schema' in parameter && parameter.schema !== undefined) {
          parameter.schema = normalizeAny(parameter.schema)
        }
      }
      if (operation.requestBody !== undefined && 'content' in operation.requestBody) {
        normalizeContent(operation.requestBody.content)
      }
      for (const response of Object.values(operation.responses)) {
        if ('content' in response && response.content !== undefined) normalizeContent(response.content)
      }
    }
  }
  return doc
}

function normalizeContent(content: Record<string, OpenAPIV3.MediaTypeObject>): void {
  for (const media of Object.values(content)) {
    if (media.schema !== undefined) media.schema = normalizeAny(media.schema)
  }
}

// The OpenAPI types and ours describe the same JSON; the cast is the dialect change.
function normalizeAny<T>(schema: T): T {
  return normalizeSchema(schema as JsonSchema) as T
}

export { HTTP_METHODS }
