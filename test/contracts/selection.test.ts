import { describe, expect, it } from 'vitest'

import { selectOperations } from '../../contracts/selection.ts'
import { operations } from '../helpers/model.ts'

const ids = (filter: string) => selectOperations(operations, filter).map((op) => op.id)

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

  it('says so when a filter matches nothing', () => {
    expect(() => ids('/no_such_thing')).toThrow(
      'operation filter "/no_such_thing" matches no operation in the spec',
    )
    expect(() => ids(' , ')).toThrow('operation filter is empty')
  })
})
