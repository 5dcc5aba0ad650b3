import { authPlan } from './auth.ts'
import { negativePlan } from './negative.ts'
import { positivePlan } from './positive.ts'

/** The suites, by name: each is `suites/<name>.suite.ts`. */
export const PLANS = { positive: positivePlan, negative: negativePlan, auth: authPlan }
