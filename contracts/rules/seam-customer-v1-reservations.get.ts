import { customerKeyUnlessCustomerSession } from './customer-key.ts'
import type { EndpointRules } from './types.ts'

export const seamCustomerV1ReservationsGet = customerKeyUnlessCustomerSession(
  '/seam/customer/v1/reservations/get',
) satisfies EndpointRules
