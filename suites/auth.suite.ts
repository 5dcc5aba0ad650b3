// The auth-header rules: no, malformed or wrong-kind credentials get 401; a personal access token
// without seam-workspace gets 400 missing_workspace_id; the run's own credentials get 2xx.
import { authPlan } from './scenarios/auth.ts'
import { defineConformanceSuite } from './support/define-suite.ts'

await defineConformanceSuite('auth', authPlan)
