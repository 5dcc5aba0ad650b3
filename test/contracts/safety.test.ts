// Every operation of the pinned spec has a reviewed safety class: a new operation whose name no rule
// covers fails here until someone decides what a live run may do with it.
import { describe, expect, it } from 'vitest'

import { REVIEWED_CREATES, safetyOf } from '../../contracts/safety.ts'
import { operation, operations } from '../helpers/model.ts'

describe('safetyOf', () => {
  it('classes every operation of the pinned spec', () => {
    expect(operations.filter((candidate) => safetyOf(candidate) === undefined).map((o) => o.id)).toEqual([])
  })

  it('undoes each reviewed create with an operation the spec still has, keyed by the resource it returns', () => {
    for (const [path, undo] of Object.entries(REVIEWED_CREATES)) {
      const create = operations.find((candidate) => candidate.path === path)
      expect(create, path).toBeDefined()
      expect(create?.result).toEqual(expect.objectContaining({ kind: 'object', key: undo.resultKey }))
      const remover = operations.find((candidate) => candidate.path === undo.path)
      expect(remover?.input.schema.properties, undo.path).toHaveProperty(undo.idParameter)
    }
  })

  it.each([
    ['GET /devices/list', 'read'],
    ['POST /user_identities/list_accessible_devices', 'read'],
    ['POST /user_identities/create', 'create'],
    ['POST /user_identities/grant_access_to_device', 'change'],
    ['POST /user_identities/revoke_access_to_device', 'change'],
    ['POST /access_codes/create', 'real_world'],
    ['POST /locks/unlock_door', 'real_world'],
    ['POST /client_sessions/get_or_create', 'real_world'],
    ['POST /thermostats/heat', 'real_world'],
    ['POST /devices/simulate/connect', 'real_world'],
    ['POST /workspaces/reset_sandbox', 'real_world'],
  ])('classes %s as %s', (id, safetyClass) => {
    expect(safetyOf(operation(id))?.class).toBe(safetyClass)
  })
})
