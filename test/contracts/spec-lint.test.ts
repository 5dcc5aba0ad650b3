// What the spec gets wrong about itself: the lint pass lists one finding of each kind in a fixture
// spec, with the operations that reach it; at run time a validation error that comes from such a
// flaw says so (`spec`), while the same keyword broken by another value does not.
import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { buildSpec } from '../../contracts/spec.ts'
import { lintSpec } from '../../contracts/spec-lint.ts'
import { createValidators } from '../../contracts/validators.ts'

const document = JSON.parse(readFileSync('test/fixtures/spec-lint/flawed.json', 'utf8')) as unknown
const spec = await buildSpec(document, 'flawed.json')
const validators = createValidators(spec)
const THING = '#/components/schemas/thing'

describe('lintSpec', () => {
  it('finds one flaw of each kind, where it lives and which operations reach it', () => {
    const findings = lintSpec(spec, validators).map(({ kind, pointer, operations }) => ({
      kind,
      pointer,
      operations,
    }))
    const both = ['POST /things/get', 'POST /things/list']
    const get = ['POST /things/get']
    const body = '#/paths/~1things~1get/post/requestBody/content/application~1json/schema'
    expect(findings).toEqual([
      { kind: 'required_not_defined', pointer: THING, operations: both },
      { kind: 'example_breaks_schema', pointer: `${THING}/properties/code`, operations: both },
      { kind: 'default_breaks_schema', pointer: `${THING}/properties/mode`, operations: both },
      { kind: 'enum_value_breaks_schema', pointer: `${THING}/properties/label`, operations: both },
      {
        kind: 'oneof_branch_never_alone',
        pointer: `${body}/properties/between/items/oneOf/1`,
        operations: get,
      },
      { kind: 'unsatisfiable_bounds', pointer: `${body}/properties/limit`, operations: get },
      {
        kind: 'example_breaks_schema',
        pointer: '#/paths/~1things~1get/post/responses/200/content/application~1json/example',
        operations: get,
      },
    ])
  })

  it('says what is wrong in each', () => {
    const messages = lintSpec(spec, validators).map((finding) => finding.message)
    expect(messages).toContain('"thing_id" is required but not among its properties')
    expect(messages).toContain('example "string": (root) must match pattern "^\\d+$"')
    expect(messages).toContain('enum value "not ok": (root) must match pattern "^\\S+$"')
    expect(messages).toContain('minimum 10 > maximum 5')
  })
})

describe('a validation error from a flaw of the spec', () => {
  const thing = validators.pointer(THING)

  it("is the spec's when the value is the spec's own example, default or enum value", () => {
    const errors = thing({ code: 'string', mode: 'key', label: 'not ok', thing_id: 't' })
    expect(errors.map((e) => e.spec)).toEqual([
      "the value is the spec's own example, which breaks its own schema (pattern)",
      "the value is the spec's own default, which breaks its own schema (enum)",
      "the value is the spec's own enum value, which breaks its own schema (pattern)",
    ])
  })

  it("is the spec's for a required property the spec never defines", () => {
    const [missing] = thing({ code: '1' })
    expect(missing).toMatchObject({
      keyword: 'required',
      spec: 'the spec requires "thing_id" but never defines it',
    })
  })

  it("is the spec's for a value that fits two oneOf branches, and the value's when it fits none", () => {
    const items = validators.pointer(
      '#/paths/~1things~1get/post/requestBody/content/application~1json/schema/properties/between/items',
    )
    expect(items('2030-01-01T00:00:00Z').map((e) => e.spec)).toContain(
      "the value fits oneOf branches 0 and 1: the spec's branches overlap",
    )
    expect(items(5).every((e) => e.spec === undefined)).toBe(true)
  })

  it('is the value’s when another value breaks the same keyword', () => {
    expect(thing({ code: 'abc', thing_id: 't' }).map((e) => e.spec)).toEqual([undefined])
  })
})
