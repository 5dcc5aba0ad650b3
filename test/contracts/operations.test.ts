import { describe, expect, it } from 'vitest'

import { buildSpec } from '../../contracts/spec.ts'
import { operation, operations, seedOperations, spec } from '../helpers/model.ts'

describe('the operation model', () => {
  it('has one operation per (path, method) of the pinned spec', () => {
    const pairs = Object.values(spec.dereferenced.paths).flatMap((item) => Object.keys(item ?? {}))
    expect(operations).toHaveLength(pairs.length)
    expect(spec.version).toBe('1.977.0')
    expect(operations).toHaveLength(522)
  })

  it('lists every method of the seed paths as its own operation', () => {
    expect(seedOperations.map((op) => op.id).sort()).toEqual([
      'DELETE /user_identities/revoke_access_to_device',
      'POST /access_grants/create',
      'POST /acs/entrances/grant_access',
      'POST /user_identities/add_acs_user',
      'POST /user_identities/grant_access_to_device',
      'POST /user_identities/revoke_access_to_device',
      'PUT /user_identities/add_acs_user',
      'PUT /user_identities/grant_access_to_device',
    ])
  })

  it('takes the DELETE revoke parameters from the query, the POST ones from the body', () => {
    const del = operation('DELETE /user_identities/revoke_access_to_device')
    expect(del.requestBody).toBeUndefined()
    expect(del.queryParameters.map((p) => [p.name, p.required])).toEqual([
      ['user_identity_id', true],
      ['device_id', true],
    ])
    expect(operation('POST /user_identities/revoke_access_to_device').requestBody?.schema.required).toEqual([
      'user_identity_id',
      'device_id',
    ])
  })

  it('reads the result kind from x-response-key', () => {
    expect(operation('POST /user_identities/grant_access_to_device').result).toEqual({ kind: 'void' })
    expect(operation('POST /access_grants/create').result).toEqual({
      kind: 'object',
      key: 'access_grant',
      holds: 'object',
    })
    expect(operation('GET /devices/list').result).toEqual({ kind: 'object', key: 'devices', holds: 'array' })
  })

  it('keeps documented responses and security alternatives', () => {
    const create = operation('POST /access_grants/create')
    expect(Object.keys(create.responses)).toEqual(['200', '400', '401'])
    expect(create.responses['200']?.pointer).toBe(
      '#/paths/~1access_grants~1create/post/responses/200/content/application~1json/schema',
    )
    expect(create.security).toContainEqual(['api_key'])
    expect(create.security).toContainEqual(['pat_with_workspace'])
  })
})

describe('buildSpec', () => {
  it('refuses a document that is not OpenAPI 3.0, in one line', async () => {
    await expect(buildSpec({ swagger: '2.0' }, 'x')).rejects.toThrow('spec is not an OpenAPI document')
    await expect(buildSpec({ openapi: '3.1.0', paths: {} }, 'x')).rejects.toThrow(
      'this suite reads OpenAPI 3.0 documents',
    )
    await expect(buildSpec({ openapi: '3.0.0' }, 'x')).rejects.toThrow('spec has no "paths" object')
  })
})
