// Ajv validators for request and response schemas. The normalised document is registered once and
// every schema is compiled by reference on first use (`inlineRefs: false`), so a run only pays for
// what it touches. Ajv keeps the components a compiled schema reaches, but compiles the schema a
// pointer names afresh each time: a pointer that only names another schema (`{"$ref": …}`, as most
// response properties do) shares that schema's validator.
import { Ajv, type ErrorObject } from 'ajv'
import addFormatsModule from 'ajv-formats'

import type { JsonSchema } from './json-schema.ts'
import { memoizeByObject } from './memo.ts'
import type { Operation } from './operations.ts'
import type { Spec } from './spec.ts'
import { specDefectOf } from './spec-defects.ts'

/**
 * `path` is Ajv's instance path (`/a/0/b`), or `(root)`; `keyword` the JSON Schema keyword broken;
 * `spec`, when the spec itself is to blame (its own example breaks its schema, a required property
 * it never defines, overlapping oneOf branches), says how.
 */
export type ValidationError = { path: string; keyword: string; message: string; spec?: string }
export type Validate = (value: unknown) => ValidationError[]

const DOCUMENT_ID = 'seam-connect.json'
// ajv-formats is CommonJS: its default export arrives as the module object under Node's ESM.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv

export type Validators = {
  /** The schema of what an operation takes: its body, or its query parameters as one object. */
  request(operation: Operation): Validate
  /** The documented schema for a status code, or undefined when the spec documents no body. */
  response(operation: Operation, status: string): Validate | undefined
  /** The schema at a JSON pointer of the spec document, e.g. one property of a response. */
  pointer(pointer: string): Validate
  /** Any schema given inline (rule files, tests). */
  schema(schema: JsonSchema): Validate
}

/**
 * One set of validators per spec in a process: a test worker's suite and its embedded mock share
 * one Ajv, so a schema both validate is compiled once and its code held once.
 */
export const validatorsOf = memoizeByObject(createValidators)

export function createValidators(spec: Spec): Validators {
  // `verbose`: each error carries the schema around it and the value, to tell the spec's faults apart.
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    inlineRefs: false,
    validateSchema: false,
    verbose: true,
    // Ajv's optimising pass over the code it generates took more than half of each compilation;
    // validating without it is a few per cent slower, and most schemas are validated a few times.
    code: { optimize: false },
  })
  addFormats(ajv)
  ajv.addSchema(spec.document as object, DOCUMENT_ID)

  const byPointer = new Map<string, Validate>()
  // The schema a pointer names, through schemas that are nothing but a `$ref` within the document.
  const target = (pointer: string): string => {
    const seen = new Set<string>([pointer])
    let current = pointer
    for (;;) {
      const schema = schemaAt(spec.document, current)
      const ref = onlyRef(schema)
      if (ref === undefined || !ref.startsWith('#/') || seen.has(ref)) return current
      seen.add(ref)
      current = ref
    }
  }

  const compile = (schema: object): Validate => {
    const validate = ajv.compile(schema)
    return (value) => (validate(value) ? [] : (validate.errors ?? []).map(toValidationError))
  }
  const atPointer = (pointer: string): Validate => {
    let validate = byPointer.get(pointer)
    if (validate === undefined) {
      const named = target(pointer)
      validate = byPointer.get(named) ?? compile({ $ref: `${DOCUMENT_ID}${named}` })
      byPointer.set(named, validate)
      byPointer.set(pointer, validate)
    }
    return validate
  }
  const inline = memoizeByObject((schema: JsonSchema) => compile(schema))

  return {
    request(operation) {
      const input = operation.input
      return input.in === 'body' ? atPointer(input.pointer) : inline(input.schema)
    },
    response(operation, status) {
      const pointer = operation.responses[status]?.pointer
      return pointer === undefined ? undefined : atPointer(pointer)
    },
    pointer: atPointer,
    schema: inline,
  }
}

/** The schema at a JSON pointer (`#/paths/~1devices~1get/…`) of the document, if there is one. */
function schemaAt(document: unknown, pointer: string): unknown {
  let node = document
  for (const part of pointer.slice(2).split('/')) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[part.replaceAll('~1', '/').replaceAll('~0', '~')]
  }
  return node
}

/** The `$ref` of a schema that says nothing else. */
function onlyRef(schema: unknown): string | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined
  const keys = Object.keys(schema)
  const ref = (schema as { $ref?: unknown }).$ref
  return keys.length === 1 && typeof ref === 'string' ? ref : undefined
}

function toValidationError(error: ErrorObject): ValidationError {
  const spec = specDefectOf(error)
  return {
    path: error.instancePath === '' ? '(root)' : error.instancePath,
    keyword: error.keyword,
    message: error.message ?? error.keyword,
    ...(spec === undefined ? {} : { spec }),
  }
}
