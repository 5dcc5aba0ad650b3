import { narrowing, narrowWhen } from './narrowing.ts'
import { oneGroupOf } from './one-group-of.ts'
import { requireOne, when } from './presence.ts'
import { reshaped } from './reshaped.ts'
import type { EndpointRules } from './types.ts'

const COOLING = 'You must set one of the cooling_set_point parameters.'
const HEATING = 'You must set one of the heating_set_point parameters.'
const COOLING_NAMES = ['cooling_set_point_celsius', 'cooling_set_point_fahrenheit'] as const
const HEATING_NAMES = ['heating_set_point_celsius', 'heating_set_point_fahrenheit'] as const

/**
 * The set point rules of a thermostat mode: a cooling set point for `cool` and `heat_cool`, a
 * heating set point for `heat` and `heat_cool`. The schema's oneOf branch for each mode lists the
 * set points but requires none. `mode` names the parameter that holds the mode.
 */
export function setPointsFor(path: string, mode: string, { cooling = COOLING, heating = HEATING } = {}) {
  const cools = (parameters: Record<string, unknown>) =>
    ['cool', 'heat_cool'].includes(parameters[mode] as string)
  const heats = (parameters: Record<string, unknown>) =>
    ['heat', 'heat_cool'].includes(parameters[mode] as string)
  return {
    path,
    prose: [`${mode} cool or heat_cool: ${cooling}`, `${mode} heat or heat_cool: ${heating}`],
    statedIn: [...COOLING_NAMES, ...HEATING_NAMES],
    valid: narrowing(
      narrowWhen(cools, oneGroupOf([COOLING_NAMES[0]], [COOLING_NAMES[1]])),
      narrowWhen(heats, oneGroupOf([HEATING_NAMES[0]], [HEATING_NAMES[1]])),
    ),
    checks: [
      when(cools, requireOne(cooling, [COOLING_NAMES[0]], [COOLING_NAMES[1]])),
      when(heats, requireOne(heating, [HEATING_NAMES[0]], [HEATING_NAMES[1]])),
    ],
    invalid: [
      reshaped(`prose: ${mode} cool without a cooling set point`, cooling, {
        remove: [...COOLING_NAMES, ...HEATING_NAMES],
        assign: { [mode]: 'cool' },
      }),
      reshaped(`prose: ${mode} heat without a heating set point`, heating, {
        remove: [...COOLING_NAMES, ...HEATING_NAMES],
        assign: { [mode]: 'heat' },
      }),
    ],
  } satisfies EndpointRules
}

export const thermostatsSetHvacMode = setPointsFor('/thermostats/set_hvac_mode', 'hvac_mode_setting')
