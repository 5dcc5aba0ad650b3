import { customerKeyUnlessCustomerSession } from './customer-key.ts'
import type { EndpointRules } from './types.ts'

export const seamCustomerV1ReservationsListAccessGrants = customerKeyUnlessCustomerSession(
  '/seam/customer/v1/reservations/list_access_grants',
) satisfies EndpointRules
