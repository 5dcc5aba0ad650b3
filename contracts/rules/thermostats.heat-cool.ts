import { narrowing } from './narrowing.ts'
import { oneGroupOf } from './one-group-of.ts'
import { requireOne } from './presence.ts'
import { reshaped } from './reshaped.ts'
import type { EndpointRules } from './types.ts'

const COOLING = 'You must set one of the cooling_set_point parameters.'
const HEATING = 'You must set one of the heating_set_point parameters.'

export const thermostatsHeatCool = {
  path: '/thermostats/heat_cool',
  prose: [COOLING, HEATING],
  statedIn: [
    'cooling_set_point_celsius',
    'cooling_set_point_fahrenheit',
    'heating_set_point_celsius',
    'heating_set_point_fahrenheit',
  ],
  valid: narrowing(
    oneGroupOf(['cooling_set_point_celsius'], ['cooling_set_point_fahrenheit']),
    oneGroupOf(['heating_set_point_celsius'], ['heating_set_point_fahrenheit']),
  ),
  checks: [
    requireOne(COOLING, ['cooling_set_point_celsius'], ['cooling_set_point_fahrenheit']),
    requireOne(HEATING, ['heating_set_point_celsius'], ['heating_set_point_fahrenheit']),
  ],
  invalid: [
    reshaped('prose: no cooling set point', COOLING, {
      remove: ['cooling_set_point_celsius', 'cooling_set_point_fahrenheit'],
    }),
    reshaped('prose: no heating set point', HEATING, {
      remove: ['heating_set_point_celsius', 'heating_set_point_fahrenheit'],
    }),
  ],
} satisfies EndpointRules
