// `npm run spec:lint`'s pass: every finding a version of the spec holds about itself (an example,
// default or enum value that breaks its own schema, a required property the schema never defines,
// bounds no value can meet, oneOf branches another branch always covers), with the operations
// that reach it. spec-defects.ts tells the same faults apart in a server's answers at run time.
import fc from 'fast-check'

import { schemaArbitrary } from './arbitraries/schema.ts'
import type { JsonSchema } from './json-schema.ts'
import { documentOperations, escapePointer } from './operations.ts'
import { HTTP_METHODS, type Spec } from './spec.ts'
import { definesProperty } from './spec-defects.ts'
import type { Validators } from './validators.ts'

export type SpecFindingKind =
  | 'example_breaks_schema'
  | 'default_breaks_schema'
  | 'enum_value_breaks_schema'
  | 'required_not_defined'
  | 'unsatisfiable_bounds'
  | 'oneof_branch_never_alone'

export type SpecFinding = {
  kind: SpecFindingKind
  /** Where in the document (JSON pointer, `$ref`s kept): a component, or inside an operation. */
  pointer: string
  message: string
  /** The operations whose requests or answers reach it. */
  operations: string[]
}

export const SPEC_FINDING_KINDS: Record<SpecFindingKind, string> = {
  example_breaks_schema: 'Examples that break their own schema',
  default_breaks_schema: 'Defaults that break their own schema',
  enum_value_breaks_schema: 'Enum values that break their own schema',
  required_not_defined: 'Required properties the schema never defines',
  unsatisfiable_bounds: 'Bounds no value can meet',
  oneof_branch_never_alone: 'oneOf branches no value can match alone (another branch always matches too)',
}

export type LintOptions = {
  /** Values sampled per oneOf branch to find branches another one always covers. */
  samples?: number
}

type Node = { pointer: string; schema: JsonSchema }

/** Every finding the spec holds about itself, in document order. */
export function lintSpec(spec: Spec, validators: Validators, options: LintOptions = {}): SpecFinding[] {
  const reach = reachability(spec)
  const found: Omit<SpecFinding, 'operations'>[] = []
  for (const { pointer, schema } of schemaNodes(spec.document as unknown as Record<string, unknown>)) {
    const validate = () => validators.pointer(pointer)
    const breaks = (value: unknown) => validate()(value).map((e) => `${e.path} ${e.message}`)
    for (const [kind, present, value, what] of [
      ['example_breaks_schema', 'example' in schema, schema.example, 'example'],
      ['default_breaks_schema', 'default' in schema, schema.default, 'default'],
    ] as const) {
      const errors = present ? breaks(value) : []
      if (errors.length > 0)
        found.push({ kind, pointer, message: `${what} ${JSON.stringify(value)}: ${errors.join('; ')}` })
    }
    for (const value of schema.enum ?? []) {
      const errors = breaks(value)
      if (errors.length > 0)
        found.push({
          kind: 'enum_value_breaks_schema',
          pointer,
          message: `enum value ${JSON.stringify(value)}: ${errors.join('; ')}`,
        })
    }
    for (const name of schema.required ?? []) {
      if (!definesProperty(schema, name))
        found.push({
          kind: 'required_not_defined',
          pointer,
          message: `"${name}" is required but not among its properties`,
        })
    }
    for (const [low, high] of [
      ['minLength', 'maxLength'],
      ['minimum', 'maximum'],
      ['minItems', 'maxItems'],
      ['minProperties', 'maxProperties'],
    ] as const) {
      const [min, max] = [schema[low], schema[high]]
      if (typeof min === 'number' && typeof max === 'number' && min > max)
        found.push({ kind: 'unsatisfiable_bounds', pointer, message: `${low} ${min} > ${high} ${max}` })
    }
    if (schema.oneOf !== undefined) found.push(...overlappingBranches(spec, validators, pointer, options))
  }
  for (const media of mediaExamples(spec.document as unknown as Record<string, unknown>)) {
    const errors = validators.pointer(media.schemaPointer)(media.value)
    if (errors.length > 0)
      found.push({
        kind: 'example_breaks_schema',
        pointer: media.pointer,
        message: `example: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
      })
  }
  return found.map((finding) => ({ ...finding, operations: reach(finding.pointer) }))
}

/** A oneOf branch whose every sampled value also fits another branch can never be valid alone. */
function overlappingBranches(
  spec: Spec,
  validators: Validators,
  pointer: string,
  { samples = 10 }: LintOptions,
): Omit<SpecFinding, 'operations'>[] {
  const resolved = at(spec.dereferenced, pointer) as JsonSchema | undefined
  const branches = resolved?.oneOf ?? []
  const fits = branches.map((_, index) => validators.pointer(`${pointer}/oneOf/${index}`))
  return branches.flatMap((branch, index) => {
    let values: unknown[]
    try {
      values = fc.sample(schemaArbitrary(branch), { seed: 0x5ea3, numRuns: samples })
    } catch {
      return []
    }
    const own = values.filter((value) => (fits[index] as (v: unknown) => unknown[])(value).length === 0)
    if (own.length === 0) return []
    const covering = own.map((value) =>
      fits.findIndex((validate, other) => other !== index && validate(value).length === 0),
    )
    if (covering.some((other) => other === -1)) return []
    const others = [...new Set(covering)].join(' and ')
    return [
      {
        kind: 'oneof_branch_never_alone' as const,
        pointer: `${pointer}/oneOf/${index}`,
        message: `every value of branch ${index} also fits branch ${others}, so none is valid (oneOf means exactly one)`,
      },
    ]
  })
}

/** Every schema object of the document with its pointer, `$ref`s not followed (each is visited where it lives). */
function* schemaNodes(document: Record<string, unknown>): Generator<Node> {
  const components = (document.components as { schemas?: Record<string, JsonSchema> } | undefined)?.schemas
  for (const [name, schema] of Object.entries(components ?? {}))
    yield* within(schema, `#/components/schemas/${escapePointer(name)}`)
  for (const { pointer, operation } of documentOperations<OperationObject>(document)) {
    for (const [index, parameter] of ((operation.parameters ?? []) as { schema?: JsonSchema }[]).entries())
      if (parameter.schema !== undefined)
        yield* within(parameter.schema, `${pointer}/parameters/${index}/schema`)
    for (const { schemaPointer, schema } of mediaSchemas(operation, pointer))
      yield* within(schema, schemaPointer)
  }
}

function* within(schema: JsonSchema, pointer: string): Generator<Node> {
  if (typeof schema !== 'object' || schema === null || schema.$ref !== undefined) return
  yield { pointer, schema }
  for (const [name, child] of Object.entries(schema.properties ?? {}))
    yield* within(child, `${pointer}/properties/${escapePointer(name)}`)
  if (schema.items !== undefined) yield* within(schema.items, `${pointer}/items`)
  if (typeof schema.additionalProperties === 'object')
    yield* within(schema.additionalProperties, `${pointer}/additionalProperties`)
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const)
    for (const [index, branch] of (schema[key] ?? []).entries())
      yield* within(branch, `${pointer}/${key}/${index}`)
}

type OperationObject = {
  parameters?: unknown[]
  requestBody?: { content?: Record<string, MediaType> }
  responses?: Record<string, { content?: Record<string, MediaType> }>
}
type MediaType = { schema?: JsonSchema; example?: unknown; examples?: Record<string, { value?: unknown }> }

function mediaSchemas(
  operation: OperationObject,
  pointer: string,
): { schemaPointer: string; schema: JsonSchema; media: MediaType; mediaPointer: string }[] {
  const contents = [
    [`${pointer}/requestBody/content`, operation.requestBody?.content],
    ...Object.entries(operation.responses ?? {}).map(
      ([status, response]) => [`${pointer}/responses/${status}/content`, response.content] as const,
    ),
  ] as const
  return contents.flatMap(([at, content]) =>
    Object.entries(content ?? {}).flatMap(([type, media]) => {
      const mediaPointer = `${at}/${escapePointer(type)}`
      return media.schema === undefined
        ? []
        : [{ schemaPointer: `${mediaPointer}/schema`, schema: media.schema, media, mediaPointer }]
    }),
  )
}

/** Examples given beside a request or response schema (`example`, `examples.*.value`). */
function mediaExamples(
  document: Record<string, unknown>,
): { pointer: string; schemaPointer: string; value: unknown }[] {
  return [...documentOperations<OperationObject>(document)].flatMap(({ pointer, operation }) =>
    mediaSchemas(operation, pointer).flatMap(({ media, mediaPointer, schemaPointer }) => [
      ...('example' in media
        ? [{ pointer: `${mediaPointer}/example`, schemaPointer, value: media.example }]
        : []),
      ...Object.entries(media.examples ?? {}).flatMap(([name, example]) =>
        'value' in example
          ? [
              {
                pointer: `${mediaPointer}/examples/${escapePointer(name)}`,
                schemaPointer,
                value: example.value,
              },
            ]
          : [],
      ),
    ]),
  )
}

/** Which operations reach a pointer: its own operation, or every one whose schemas refer to its component. */
function reachability(spec: Spec): (pointer: string) => string[] {
  const document = spec.document as unknown as Record<string, unknown>
  const refsOf = new Map<string, Set<string>>()
  const directRefs = (node: unknown, into: Set<string>) => {
    if (typeof node !== 'object' || node === null) return
    const ref = (node as { $ref?: unknown }).$ref
    if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) into.add(ref)
    for (const child of Object.values(node)) directRefs(child, into)
  }
  const transitive = (ref: string): Set<string> => {
    const known = refsOf.get(ref)
    if (known !== undefined) return known
    const all = new Set<string>([ref])
    refsOf.set(ref, all)
    const direct = new Set<string>()
    directRefs(at(document, ref), direct)
    for (const next of direct) for (const reached of transitive(next)) all.add(reached)
    return all
  }
  const byComponent = new Map<string, string[]>()
  const ownerOf = new Map<string, string>()
  for (const { id, pointer, operation } of documentOperations<OperationObject>(document)) {
    ownerOf.set(pointer, id)
    const direct = new Set<string>()
    directRefs(operation, direct)
    const reached = new Set<string>()
    for (const ref of direct) for (const component of transitive(ref)) reached.add(component)
    for (const component of reached) byComponent.set(component, [...(byComponent.get(component) ?? []), id])
  }
  return (pointer) => {
    const component = /^#\/components\/schemas\/[^/]+/.exec(pointer)?.[0]
    if (component !== undefined) return byComponent.get(component) ?? []
    const operation = /^#\/paths\/[^/]+\/[a-z]+/.exec(pointer)?.[0]
    return operation === undefined ? [] : [ownerOf.get(operation) ?? operation]
  }
}

/** The value at a JSON pointer (`#/a/b~1c`). */
function at(document: unknown, pointer: string): unknown {
  return pointer
    .replace(/^#\/?/, '')
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document)
}
