import { oneGroupOf } from './one-group-of.ts'
import type { EndpointRules } from './types.ts'

const REQUIRED_UNLESS = 'customer_key: "Required when not using client_session_with_customer auth."'

/**
 * The customer portal's reservation endpoints want a customer_key unless the credential is a
 * customer's client session. The rule turns on the credential, which a rule's check does not see:
 * valid requests always carry a customer_key, so they hold whichever credential sends them, and
 * neither the mock nor an invalid case judges it.
 */
export function customerKeyUnlessCustomerSession(path: string): EndpointRules {
  return {
    path,
    prose: [REQUIRED_UNLESS, 'Not judged: it turns on the credential, not on the parameters.'],
    statedIn: ['customer_key'],
    valid: oneGroupOf(['customer_key']),
  }
}
