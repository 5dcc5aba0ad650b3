import { sinceOrBetween } from './events.list.ts'
import type { EndpointRules } from './types.ts'

// The customer portal's event list states the rule of /events/list word for word.
export const seamCustomerV1EventsList = sinceOrBetween(
  '/seam/customer/v1/events/list',
) satisfies EndpointRules
