import { oneGroupOf } from './one-group-of.ts'
import { requireOne } from './presence.ts'
import { reshaped } from './reshaped.ts'
import type { EndpointRules } from './types.ts'

const EITHER = 'You must specify either device_id or name.'

/** The same rules, stated alike in each of these paths' descriptions. */
function rulesAt(path: string) {
  return {
    path,
    prose: [EITHER],
    statedIn: ['description'],
    valid: oneGroupOf(['device_id'], ['name']),
    checks: [requireOne(EITHER, ['device_id'], ['name'])],
    invalid: [reshaped('prose: neither device_id nor name', EITHER, { remove: ['device_id', 'name'] })],
  } satisfies EndpointRules
}

export const devicesGet = rulesAt('/devices/get')
export const devicesUnmanagedGet = rulesAt('/devices/unmanaged/get')
