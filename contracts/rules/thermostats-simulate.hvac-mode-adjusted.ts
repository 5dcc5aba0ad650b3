import { setPointsFor } from './thermostats.set-hvac-mode.ts'

// The same rules as /thermostats/set_hvac_mode, with the mode in `hvac_mode`.
export const thermostatsSimulateHvacModeAdjusted = setPointsFor(
  '/thermostats/simulate/hvac_mode_adjusted',
  'hvac_mode',
  {
    cooling: 'You must set cooling_set_point_celsius or cooling_set_point_fahrenheit.',
    heating: 'You must set heating_set_point_celsius or heating_set_point_fahrenheit.',
  },
)
