import { oneGroupOf } from './one-group-of.ts'
import { requireOne } from './presence.ts'
import { reshaped } from './reshaped.ts'
import type { EndpointRules } from './types.ts'

const EITHER = 'You must specify either access_code_id or both device_id and code.'

/** The same rules, stated alike in each of these paths' descriptions. */
function rulesAt(path: string) {
  return {
    path,
    prose: [EITHER],
    statedIn: ['description', 'access_code_id', 'device_id', 'code'],
    valid: oneGroupOf(['access_code_id'], ['device_id', 'code']),
    checks: [requireOne(EITHER, ['access_code_id'], ['device_id', 'code'])],
    invalid: [
      reshaped('prose: neither access_code_id nor device_id and code', EITHER, {
        remove: ['access_code_id', 'device_id', 'code'],
      }),
      reshaped('prose: device_id without code', EITHER, {
        set: ['device_id'],
        remove: ['access_code_id', 'code'],
      }),
    ],
  } satisfies EndpointRules
}

export const accessCodesGet = rulesAt('/access_codes/get')
export const accessCodesUnmanagedGet = rulesAt('/access_codes/unmanaged/get')
