import { validRequest } from '../../contracts/arbitraries/request.ts'
import { checksFor, POSITIVE_CHECKS } from '../checks/index.ts'
import type { PlanFor } from './types.ts'

/** Valid requests with the run's credentials. */
export const positivePlan: PlanFor = (operation) => ({
  scenarios: [
    {
      name: 'valid requests',
      requests: validRequest(operation),
      checks: checksFor(operation, POSITIVE_CHECKS),
    },
  ],
  skips: [],
})
