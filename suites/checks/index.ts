// Every check, in the order reports list them: roughly worst first.
import type { Operation } from '../../contracts/operations.ts'
import { authAccepted, authRequired, workspaceHeaderRequired } from './auth.ts'
import { contentTypeJson } from './content-type-json.ts'
import { errorEnvelope } from './error-envelope.ts'
import { invalidRejected } from './invalid-rejected.ts'
import { noInternalDetails } from './no-internal-details.ts'
import { notAServerError } from './not-a-server-error.ts'
import { objectShape } from './object-shape.ts'
import { responseSchema } from './response-schema.ts'
import { statusCodeDocumented } from './status-code-documented.ts'
import { unknownIdNotFound } from './unknown-id-not-found.ts'
import type { Check } from './types.ts'
import { validAccepted } from './valid-accepted.ts'
import { voidShape } from './void-shape.ts'

export const POSITIVE_CHECKS: Check[] = [
  notAServerError,
  statusCodeDocumented,
  validAccepted,
  contentTypeJson,
  responseSchema,
  voidShape,
  objectShape,
  noInternalDetails,
]

export const ALL_CHECKS: Check[] = [
  ...POSITIVE_CHECKS,
  invalidRejected,
  errorEnvelope,
  authRequired,
  workspaceHeaderRequired,
  authAccepted,
  unknownIdNotFound,
]

export function checksFor(operation: Operation, checks: Check[] = POSITIVE_CHECKS): Check[] {
  return checks.filter((check) => check.appliesTo(operation))
}

export type { Check, CheckContext, CheckMeta, Finding, Severity, Violation } from './types.ts'
