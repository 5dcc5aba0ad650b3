import { oneGroupOf } from './one-group-of.ts'
import { requireOne } from './presence.ts'
import { reshaped } from './reshaped.ts'
import type { EndpointRules } from './types.ts'

const ONE_OF = 'You must set temperature_celsius or temperature_fahrenheit.'

export const thermostatsSimulateTemperatureReached = {
  path: '/thermostats/simulate/temperature_reached',
  prose: [ONE_OF],
  statedIn: ['temperature_celsius', 'temperature_fahrenheit'],
  valid: oneGroupOf(['temperature_celsius'], ['temperature_fahrenheit']),
  checks: [requireOne(ONE_OF, ['temperature_celsius'], ['temperature_fahrenheit'])],
  invalid: [
    reshaped('prose: neither temperature_celsius nor temperature_fahrenheit', ONE_OF, {
      remove: ['temperature_celsius', 'temperature_fahrenheit'],
    }),
  ],
} satisfies EndpointRules
