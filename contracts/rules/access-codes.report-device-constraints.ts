import { narrowing } from './narrowing.ts'
import { oneGroupOf } from './one-group-of.ts'
import { requireOne } from './presence.ts'
import { reshaped } from './reshaped.ts'
import type { EndpointRules, Narrowing } from './types.ts'

const EITHER = 'Specify either supported_code_lengths or min_code_length/max_code_length.'

// Not a rule the spec states, but a range a server may fairly refuse the other way round.
const minNotAboveMax: Narrowing = (parameters) =>
  parameters.map((payload) => {
    const { min_code_length: min, max_code_length: max } = payload
    return typeof min === 'number' && typeof max === 'number' && min > max
      ? { ...payload, min_code_length: max, max_code_length: min }
      : payload
  })

export const accessCodesReportDeviceConstraints = {
  path: '/access_codes/report_device_constraints',
  prose: [EITHER],
  statedIn: ['description', 'supported_code_lengths', 'min_code_length', 'max_code_length'],
  valid: narrowing(
    oneGroupOf(['supported_code_lengths'], ['min_code_length', 'max_code_length']),
    minNotAboveMax,
  ),
  checks: [requireOne(EITHER, ['supported_code_lengths'], ['min_code_length'], ['max_code_length'])],
  invalid: [
    reshaped('prose: neither supported_code_lengths nor min_code_length/max_code_length', EITHER, {
      remove: ['supported_code_lengths', 'min_code_length', 'max_code_length'],
    }),
  ],
} satisfies EndpointRules
