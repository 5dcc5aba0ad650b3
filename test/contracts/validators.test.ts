import { beforeAll, describe, expect, it } from 'vitest'

import { loadSpec, type Spec } from '../../contracts/spec.ts'
import { createValidators, type Validators } from '../../contracts/validators.ts'

let spec: Spec
let validators: Validators
beforeAll(async () => {
  spec = await loadSpec()
  validators = createValidators(spec)
})

const result = (path: string, key: string) =>
  `#/paths/${path.replaceAll('/', '~1')}/post/responses/200/content/application~1json/schema/properties/${key}`

describe('createValidators', () => {
  it('gives pointers that only name a component the validator of that component, compiled once', () => {
    const lock = validators.pointer(result('/locks/lock_door', 'action_attempt'))
    const unlock = validators.pointer(result('/locks/unlock_door', 'action_attempt'))
    expect(unlock).toBe(lock)
    expect(validators.pointer('#/components/schemas/action_attempt')).toBe(lock)
  })

  it('still holds a value to the schema the pointer names', () => {
    const device = validators.pointer(result('/devices/get', 'device'))
    expect(device({ device_id: 'not a device' }).length).toBeGreaterThan(0)
    expect(device('text')).toEqual([expect.objectContaining({ path: '(root)', keyword: 'type' })])
  })
})
