import { validRequest } from '../../contracts/arbitraries/request.ts'
import { checksFor, POSITIVE_CHECKS } from '../checks/index.ts'
import { credentialFor, noCredentialReason } from './credentials.ts'
import type { PlanFor } from './types.ts'

const NAME = 'valid requests'

/** Valid requests, with a credential of a kind the operation takes. */
export const positivePlan: PlanFor = (operation, { auth, ids }) => {
  const checks = checksFor(operation, POSITIVE_CHECKS)
  const credential = credentialFor(operation, auth)
  if (credential === undefined) {
    const reason = noCredentialReason(operation, auth)
    return { scenarios: [], skips: checks.map((check) => ({ check: check.name, scenario: NAME, reason })) }
  }
  const requests = validRequest(operation, ids).map((request) => ({ ...request, auth: credential }))
  return { scenarios: [{ name: NAME, requests, checks }], skips: [] }
}
