// The operation model: one entry per (path, method) pair of the spec, with everything a generator,
// a check or a report needs to know about it.
import type { OpenAPIV3 } from 'openapi-types'

import { type JsonSchema, NON_BLANK, schemaTypes } from './json-schema.ts'
import { memoizeByObject } from './memo.ts'
import { HTTP_METHODS, type Spec } from './spec.ts'

export type HttpMethod = (typeof HTTP_METHODS)[number]

/** What the SDKs return: nothing (`{"ok": true}` on the wire), or the value under a key. */
export type ResultKind =
  { kind: 'void' } | { kind: 'object'; key: string; holds: 'object' | 'array' | 'value' }

export type Parameter = { name: string; required: boolean; schema: JsonSchema }

/** What an operation takes, as one object schema: its JSON body, or its query parameters. */
export type Input = { in: 'body'; schema: JsonSchema; pointer: string } | { in: 'query'; schema: JsonSchema }

export type DocumentedResponse = {
  /** JSON schema of the body, when the spec documents one. */
  schema?: JsonSchema
  /** JSON pointer of that schema in the (non-dereferenced) document, for Ajv. */
  pointer?: string
}

export type Operation = {
  /** `POST /access_grants/create`: how reports and filters name the operation. */
  id: string
  operationId: string
  method: HttpMethod
  path: string
  /** First path segment, e.g. `user_identities`. */
  resource: string
  title: string
  tags: string[]
  deprecated: boolean
  queryParameters: Parameter[]
  requestBody?: { required: boolean; schema: JsonSchema; pointer: string }
  input: Input
  /** Query parameters a body operation takes as well (rare: e.g. inbound webhooks). */
  queryBesideBody?: JsonSchema
  /** Keyed by status code as the spec writes it (`200`, `400`, `default` …). */
  responses: Record<string, DocumentedResponse>
  /** Alternatives: the request must satisfy every scheme of at least one entry. */
  security: string[][]
  result: ResultKind
}

/**
 * The spec's operations, built once per spec in a process. A test worker's suite and its embedded
 * mock share them, and with them what is made per operation (arbitraries, the mock's bodies).
 * Read only: select with `filter`, never change the array or an operation.
 */
export const operationsOf = memoizeByObject(buildOperations)

export function buildOperations(spec: Spec): Operation[] {
  const operations: Operation[] = []
  for (const [path, pathItem] of Object.entries(spec.dereferenced.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem?.[method]
      if (operation !== undefined) {
        operations.push(toOperation(spec.dereferenced, path, method, operation))
      }
    }
  }
  return operations
}

function toOperation(
  doc: OpenAPIV3.Document,
  path: string,
  method: HttpMethod,
  op: OpenAPIV3.OperationObject,
): Operation {
  const id = `${method.toUpperCase()} ${path}`
  const pointer = `#/paths/${escapePointer(path)}/${method}`
  const parameters = (op.parameters ?? []) as OpenAPIV3.ParameterObject[]
  const body = op.requestBody as OpenAPIV3.RequestBodyObject | undefined
  const bodySchema = body?.content['application/json']?.schema
  const queryParameters = parameters
    .filter((p) => p.in === 'query')
    .map((p) => ({ name: p.name, required: p.required === true, schema: (p.schema ?? {}) as JsonSchema }))
  const bodyPointer = `${pointer}/requestBody/content/application~1json/schema`
  const responses = Object.fromEntries(
    Object.entries(op.responses).map(([status, response]) => [
      status,
      documentedResponse(response as OpenAPIV3.ResponseObject, `${pointer}/responses/${status}`),
    ]),
  )
  return {
    id,
    operationId: op.operationId ?? id,
    method,
    path,
    resource: path.split('/')[1] ?? '',
    title: (op as { 'x-title'?: string })['x-title'] ?? op.summary ?? id,
    tags: op.tags ?? [],
    deprecated: op.deprecated === true,
    queryParameters,
    ...(bodySchema === undefined
      ? {}
      : {
          requestBody: {
            required: body?.required === true,
            schema: bodySchema as JsonSchema,
            pointer: bodyPointer,
          },
        }),
    ...(bodySchema !== undefined && queryParameters.length > 0
      ? { queryBesideBody: queryObjectSchema(queryParameters) }
      : {}),
    input:
      bodySchema === undefined
        ? { in: 'query', schema: queryObjectSchema(queryParameters) }
        : { in: 'body', schema: bodySchema as JsonSchema, pointer: bodyPointer },
    responses,
    security: (op.security ?? doc.security ?? []).map((alternative) => Object.keys(alternative)),
    result: resultKind(id, op, responses['200']?.schema),
  }
}

// A query string carries text: no nulls, no nested objects, no empty values or lists (they read as
// absent), and lists short enough for a URL.
const QUERY_MAX_ITEMS = 10

function queryObjectSchema(parameters: Parameter[]): JsonSchema {
  const sendable = parameters.flatMap((p) => {
    const schema = querySafe(p.schema)
    return schema === undefined && !p.required ? [] : [{ ...p, schema: schema ?? p.schema }]
  })
  return {
    type: 'object',
    properties: Object.fromEntries(sendable.map((p) => [p.name, p.schema])),
    required: sendable.filter((p) => p.required).map((p) => p.name),
    additionalProperties: false,
  }
}

function querySafe(schema: JsonSchema): JsonSchema | undefined {
  const nullBranch = schema.anyOf?.findIndex((branch) => branch.type === 'null') ?? -1
  if (nullBranch !== -1 && schema.anyOf?.length === 2)
    return querySafe(schema.anyOf[1 - nullBranch] as JsonSchema)
  const types = schemaTypes(schema)?.filter((type) => type !== 'null')
  if (types?.includes('object') === true || (types === undefined && schema.properties !== undefined))
    return undefined
  const out: JsonSchema = { ...schema }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = schema[key]?.map(querySafe)
    if (branches?.includes(undefined) === true) return undefined
    if (branches !== undefined) out[key] = branches as JsonSchema[]
  }
  if (types !== undefined) out.type = types.length === 1 ? (types[0] as string) : types
  if (out.enum !== undefined) out.enum = out.enum.filter((value) => value !== null)
  // `?name=` reads as absent to many servers: a sent value is never empty.
  if (types?.includes('string') === true) {
    out.minLength = Math.max(1, schema.minLength ?? 0)
    // Not a constraint of the spec (validators ignore it): blank values read as absent, so the
    // generator leaves them out of query strings.
    out[NON_BLANK] = true
  }
  if (types?.includes('array') === true) {
    const items = querySafe(schema.items ?? {})
    if (items === undefined) return undefined
    out.items = items
    out.minItems = Math.max(1, schema.minItems ?? 0)
    out.maxItems = Math.min(schema.maxItems ?? QUERY_MAX_ITEMS, QUERY_MAX_ITEMS)
  }
  return out
}

function documentedResponse(response: OpenAPIV3.ResponseObject, pointer: string): DocumentedResponse {
  const schema = response.content?.['application/json']?.schema
  if (schema === undefined) return {}
  return { schema: schema as JsonSchema, pointer: `${pointer}/content/application~1json/schema` }
}

function resultKind(id: string, op: OpenAPIV3.OperationObject, ok?: JsonSchema): ResultKind {
  const key = (op as { 'x-response-key'?: string | null })['x-response-key']
  if (key === null || key === undefined) return { kind: 'void' }
  const held = ok?.properties?.[key]
  if (held === undefined) {
    throw new Error(`${id}: x-response-key "${key}" is not a property of its 200 response`)
  }
  const types = schemaTypes(held) ?? (held.properties === undefined ? [] : ['object'])
  const holds = types.includes('array') ? 'array' : types.includes('object') ? 'object' : 'value'
  return { kind: 'object', key, holds }
}

/**
 * Every operation of an OpenAPI document as read (not normalised, perhaps not even valid): its id
 * (`POST /path`), its JSON pointer and its object, typed as the caller reads it.
 */
export function* documentOperations<Operation = unknown>(
  document: Record<string, unknown>,
): Generator<{ id: string; pointer: string; operation: Operation }> {
  for (const [path, item] of Object.entries((document.paths ?? {}) as Record<string, unknown>)) {
    if (typeof item !== 'object' || item === null) continue
    for (const method of HTTP_METHODS) {
      const operation = (item as Record<string, unknown>)[method] as Operation | undefined
      if (operation === undefined) continue
      yield {
        id: `${method.toUpperCase()} ${path}`,
        pointer: `#/paths/${escapePointer(path)}/${method}`,
        operation,
      }
    }
  }
}

export function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1')
}
