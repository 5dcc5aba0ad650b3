import { oneGroupOf } from './one-group-of.ts'
import { requireOne } from './presence.ts'
import { reshaped } from './reshaped.ts'
import type { EndpointRules } from './types.ts'

const ONE_OF = 'You must set one of the heating_set_point parameters.'

export const thermostatsHeat = {
  path: '/thermostats/heat',
  prose: [ONE_OF],
  statedIn: ['heating_set_point_celsius', 'heating_set_point_fahrenheit'],
  valid: oneGroupOf(['heating_set_point_celsius'], ['heating_set_point_fahrenheit']),
  checks: [requireOne(ONE_OF, ['heating_set_point_celsius'], ['heating_set_point_fahrenheit'])],
  invalid: [
    reshaped('prose: neither heating_set_point_celsius nor heating_set_point_fahrenheit', ONE_OF, {
      remove: ['heating_set_point_celsius', 'heating_set_point_fahrenheit'],
    }),
  ],
} satisfies EndpointRules
