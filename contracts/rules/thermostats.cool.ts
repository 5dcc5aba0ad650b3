import { oneGroupOf } from './one-group-of.ts'
import { requireOne } from './presence.ts'
import { reshaped } from './reshaped.ts'
import type { EndpointRules } from './types.ts'

const ONE_OF = 'You must set one of the cooling_set_point parameters.'

export const thermostatsCool = {
  path: '/thermostats/cool',
  prose: [ONE_OF],
  statedIn: ['cooling_set_point_celsius', 'cooling_set_point_fahrenheit'],
  valid: oneGroupOf(['cooling_set_point_celsius'], ['cooling_set_point_fahrenheit']),
  checks: [requireOne(ONE_OF, ['cooling_set_point_celsius'], ['cooling_set_point_fahrenheit'])],
  invalid: [
    reshaped('prose: neither cooling_set_point_celsius nor cooling_set_point_fahrenheit', ONE_OF, {
      remove: ['cooling_set_point_celsius', 'cooling_set_point_fahrenheit'],
    }),
  ],
} satisfies EndpointRules
