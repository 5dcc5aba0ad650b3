import { validRequest } from '../../contracts/arbitraries/request.ts'
import { errorEnvelope } from '../checks/error-envelope.ts'
import { noInternalDetails } from '../checks/no-internal-details.ts'
import { unknownIdNotFound } from '../checks/unknown-id-not-found.ts'
import { credentialFor, noCredentialReason } from './credentials.ts'
import type { PlanFor } from './types.ts'

const NAME = 'never-created IDs'
const CHECKS = [unknownIdNotFound, errorEnvelope, noInternalDetails]

/**
 * Valid requests whose IDs are made up, so the workspace never had them: a stateful target's
 * answer is a 404. Live mode sends them to the read-only operations that take a required ID.
 */
export const notFoundPlan: PlanFor = (operation, { auth }) => {
  const credential = credentialFor(operation, auth)
  if (credential === undefined) {
    const reason = noCredentialReason(operation, auth)
    return { scenarios: [], skips: CHECKS.map((check) => ({ check: check.name, scenario: NAME, reason })) }
  }
  // Without `ids`: every ID is generated, none is a real one.
  const requests = validRequest(operation).map((request) => ({ ...request, auth: credential }))
  return { scenarios: [{ name: NAME, requests, checks: CHECKS }], skips: [] }
}
