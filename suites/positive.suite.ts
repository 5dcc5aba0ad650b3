// Valid requests, valid credentials: every operation keeps its contract — no server errors,
// documented status codes, 2xx, JSON, bodies that match their schemas, and the void/object shape.
import { positivePlan } from './scenarios/positive.ts'
import { defineConformanceSuite } from './support/define-suite.ts'

await defineConformanceSuite('positive', positivePlan)
