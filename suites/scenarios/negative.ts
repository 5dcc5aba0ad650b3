import { invalidRequest } from '../../contracts/arbitraries/invalid.ts'
import { errorEnvelope } from '../checks/error-envelope.ts'
import { invalidRejected } from '../checks/invalid-rejected.ts'
import { noInternalDetails } from '../checks/no-internal-details.ts'
import { credentialFor, noCredentialReason } from './credentials.ts'
import type { PlanFor, Skip } from './types.ts'

const NAME = 'invalid requests'

/** Requests that break one schema keyword, one prose rule, or the body itself. */
export const negativePlan: PlanFor = (operation, { rules, auth, ids }) => {
  const invalid = invalidRequest(operation, ids)
  const credential = credentialFor(operation, auth)
  if (invalid === undefined || credential === undefined) {
    const reason =
      credential === undefined
        ? noCredentialReason(operation, auth)
        : 'the operation takes no parameters and no body: no request can be invalid'
    return {
      scenarios: [],
      skips: [invalidRejected, errorEnvelope, noInternalDetails].map((c) => skip(c.name, reason)),
    }
  }
  const requests = invalid.map((request) => ({ ...request, auth: credential }))
  if (rules === 'seam') {
    return {
      scenarios: [{ name: NAME, requests, checks: [invalidRejected, errorEnvelope, noInternalDetails] }],
      skips: [],
    }
  }
  // Plain Prism answers schema violations, but knows neither prose rules, nor content types, nor
  // Seam's envelope.
  const schemaOnly = requests.filter(
    (request) => request.invalid?.breaks !== 'prose' && request.contentType === undefined,
  )
  return {
    scenarios: [{ name: NAME, requests: schemaOnly, checks: [invalidRejected, noInternalDetails] }],
    skips: [skip(errorEnvelope.name, "plain Prism does not answer with Seam's error envelope")],
  }
}

function skip(check: string, reason: string): Skip {
  return { check, scenario: NAME, reason }
}
