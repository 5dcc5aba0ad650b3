import { narrowWhen } from './narrowing.ts'
import { oneGroupOf } from './one-group-of.ts'
import { needs, when } from './presence.ts'
import { reshaped } from './reshaped.ts'
import type { EndpointRules } from './types.ts'

const REQUIRED_WHEN_ENABLING = 'auto_lock_delay_seconds is required when enabling auto-lock.'
const enabling = (parameters: Record<string, unknown>) => parameters.auto_lock_enabled === true

export const locksConfigureAutoLock = {
  path: '/locks/configure_auto_lock',
  prose: [REQUIRED_WHEN_ENABLING],
  statedIn: ['auto_lock_delay_seconds'],
  valid: narrowWhen(enabling, oneGroupOf(['auto_lock_delay_seconds'])),
  checks: [when(enabling, needs(REQUIRED_WHEN_ENABLING, 'auto_lock_enabled', 'auto_lock_delay_seconds'))],
  invalid: [
    reshaped('prose: auto_lock_enabled without auto_lock_delay_seconds', REQUIRED_WHEN_ENABLING, {
      remove: ['auto_lock_delay_seconds'],
      assign: { auto_lock_enabled: true },
    }),
  ],
} satisfies EndpointRules
