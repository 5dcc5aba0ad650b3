import { customerKeyUnlessCustomerSession } from './customer-key.ts'
import type { EndpointRules } from './types.ts'

export const seamCustomerV1ReservationsList = customerKeyUnlessCustomerSession(
  '/seam/customer/v1/reservations/list',
) satisfies EndpointRules
