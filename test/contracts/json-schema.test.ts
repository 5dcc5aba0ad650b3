import { describe, expect, it } from 'vitest'

import { normalizeSchema } from '../../contracts/json-schema.ts'

describe('normalizeSchema', () => {
  it('turns nullable into a null type, and adds null to an enum', () => {
    expect(normalizeSchema({ type: 'string', nullable: true, enum: ['a'] })).toEqual({
      type: ['string', 'null'],
      enum: ['a', null],
    })
  })

  it('wraps a nullable schema without a single type in anyOf', () => {
    expect(normalizeSchema({ nullable: true, oneOf: [{ type: 'string' }] })).toEqual({
      anyOf: [{ oneOf: [{ type: 'string' }] }, { type: 'null' }],
    })
  })

  it('rewrites boolean exclusiveMinimum/Maximum to their numeric form', () => {
    expect(
      normalizeSchema({
        type: 'number',
        minimum: 0,
        exclusiveMinimum: true,
        maximum: 5,
        exclusiveMaximum: false,
      }),
    ).toEqual({ type: 'number', exclusiveMinimum: 0, maximum: 5 })
  })

  it('drops duplicate enum values and the discriminator hint', () => {
    expect(normalizeSchema({ enum: ['a', 'b', 'a'], discriminator: { propertyName: 'x' } })).toEqual({
      enum: ['a', 'b'],
    })
  })

  it('normalises nested properties, items and branches', () => {
    const schema = normalizeSchema({
      type: 'object',
      properties: { list: { type: 'array', items: { type: 'string', nullable: true } } },
      allOf: [{ properties: { n: { type: 'integer', nullable: true } } }],
    })
    expect(schema.properties?.list?.items).toEqual({ type: ['string', 'null'] })
    expect(schema.allOf?.[0]?.properties?.n).toEqual({ type: ['integer', 'null'] })
  })
})
