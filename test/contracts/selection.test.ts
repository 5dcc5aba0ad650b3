import { describe, expect, it } from 'vitest'

import { selectOperations } from '../../contracts/selection.ts'
import { operations } from '../helpers/model.ts'

const ids = (filter: string, tags?: string) => selectOperations(operations, filter, tags).map((op) => op.id)

describe('selectOperations', () => {
  it('selects the seed operations, all operations, or by prefix and id', () => {
    expect(ids('seed')).toHaveLength(8)
    expect(ids('all')).toHaveLength(operations.length)
    expect(ids('acs/entrances/grant')).toEqual(['POST /acs/entrances/grant_access'])
    expect(ids('userIdentitiesAddAcsUserPut')).toEqual(['PUT /user_identities/add_acs_user'])
    expect(ids('delete /user_identities/revoke_access_to_device, /access_grants/create')).toEqual([
      'POST /access_grants/create',
      'DELETE /user_identities/revoke_access_to_device',
    ])
  })

  it('takes a method with a path prefix, and an exact operation as that one alone', () => {
    expect(ids('GET /access_grants')).toEqual(
      operations
        .filter((op) => op.method === 'get' && op.path.startsWith('/access_grants'))
        .map((op) => op.id),
    )
    expect(ids('GET /acs/users/list')).toEqual(['GET /acs/users/list'])
  })

  it('narrows to operations carrying a tag, written with or without its slash', () => {
    const tagged = ids('all', 'acs')
    expect(tagged.length).toBeGreaterThan(10)
    expect(tagged).toEqual(operations.filter((op) => op.tags.includes('/acs')).map((op) => op.id))
    expect(ids('all', '/acs')).toEqual(tagged)
    expect(ids('seed', 'user_identities')).toEqual(
      ids('seed').filter((id) => id.includes(' /user_identities/')),
    )
  })

  it('says so when a filter matches nothing', () => {
    expect(() => ids('/no_such_thing')).toThrow(
      'operation filter "/no_such_thing" matches no operation in the spec',
    )
    expect(() => ids(' , ')).toThrow('operation filter is empty')
    expect(() => ids('seed', 'no_such_tag')).toThrow(
      'tag filter "no_such_tag" matches none of the operations selected by "seed"',
    )
  })
})
