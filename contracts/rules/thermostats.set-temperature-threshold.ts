import fc from 'fast-check'

import { narrowing } from './narrowing.ts'
import { notTogether, present } from './presence.ts'
import { reshaped } from './reshaped.ts'
import type { EndpointRules, Narrowing } from './types.ts'

// The spec's words ("You can specify either `lower_limit` but not both") mean: not both units.
const LOWER = 'You can specify either lower_limit (in °C or in °F) but not both.'
const UPPER = 'You can specify either upper_limit (in °C or in °F) but not both.'

/** At most one of the two names is given a number; which one stays is the generator's choice. */
function atMostOne(first: string, second: string): Narrowing {
  return (parameters) =>
    fc.tuple(parameters, fc.boolean()).map(([payload, keepFirst]) => {
      if (!present(payload, first) || !present(payload, second)) return payload
      const { [keepFirst ? second : first]: _dropped, ...rest } = payload
      return rest
    })
}

export const thermostatsSetTemperatureThreshold = {
  path: '/thermostats/set_temperature_threshold',
  prose: [LOWER, UPPER],
  statedIn: [
    'lower_limit_celsius',
    'lower_limit_fahrenheit',
    'upper_limit_celsius',
    'upper_limit_fahrenheit',
  ],
  valid: narrowing(
    atMostOne('lower_limit_celsius', 'lower_limit_fahrenheit'),
    atMostOne('upper_limit_celsius', 'upper_limit_fahrenheit'),
  ),
  checks: [
    notTogether(LOWER, 'lower_limit_celsius', 'lower_limit_fahrenheit'),
    notTogether(UPPER, 'upper_limit_celsius', 'upper_limit_fahrenheit'),
  ],
  invalid: [
    reshaped('prose: both lower_limit_celsius and lower_limit_fahrenheit', LOWER, {
      set: ['lower_limit_celsius', 'lower_limit_fahrenheit'],
    }),
    reshaped('prose: both upper_limit_celsius and upper_limit_fahrenheit', UPPER, {
      set: ['upper_limit_celsius', 'upper_limit_fahrenheit'],
    }),
  ],
} satisfies EndpointRules
