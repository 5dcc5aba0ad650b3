// The operation model: one entry per (path, method) pair of the spec, with everything a generator,
// a check or a report needs to know about it.
import type { OpenAPIV3 } from 'openapi-types'

import { type JsonSchema, schemaTypes } from './json-schema.ts'
import { HTTP_METHODS, type Spec } from './spec.ts'

export type HttpMethod = (typeof HTTP_METHODS)[number]

/** What the SDKs return: nothing (`{"ok": true}` on the wire), or the value under a key. */
export type ResultKind = { kind: 'void' } | { kind: 'object'; key: string; holds: 'object' | 'array' }

export type Parameter = {
  name: string
  in: 'query' | 'header' | 'path' | 'cookie'
  required: boolean
  schema: JsonSchema
}

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
  /** Keyed by status code as the spec writes it (`200`, `400`, `default` …). */
  responses: Record<string, DocumentedResponse>
  /** Alternatives: the request must satisfy every scheme of at least one entry. */
  security: string[][]
  result: ResultKind
}

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
    queryParameters: parameters
      .filter((p) => p.in === 'query')
      .map((p) => ({
        name: p.name,
        in: 'query',
        required: p.required === true,
        schema: (p.schema ?? {}) as JsonSchema,
      })),
    ...(bodySchema === undefined
      ? {}
      : {
          requestBody: {
            required: body?.required === true,
            schema: bodySchema as JsonSchema,
            pointer: `${pointer}/requestBody/content/application~1json/schema`,
          },
        }),
    responses,
    security: (op.security ?? doc.security ?? []).map((alternative) => Object.keys(alternative)),
    result: resultKind(id, op, responses['200']?.schema),
  }
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
  return { kind: 'object', key, holds: schemaTypes(held)?.includes('array') === true ? 'array' : 'object' }
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1')
}
