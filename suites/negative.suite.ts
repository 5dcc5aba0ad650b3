// Invalid requests — one broken schema keyword, one broken prose rule, or a broken body — are
// rejected with a 4xx in Seam's error envelope.
import { negativePlan } from './scenarios/negative.ts'
import { defineConformanceSuite } from './support/define-suite.ts'

await defineConformanceSuite('negative', negativePlan)
