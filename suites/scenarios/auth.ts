import fc from 'fast-check'

import { validRequest } from '../../contracts/arbitraries/request.ts'
import { type AuthVariant, expectedAuthVerdict } from '../../contracts/auth.ts'
import type { Operation } from '../../contracts/operations.ts'
import { authAccepted, authRequired, workspaceHeaderRequired } from '../checks/auth.ts'
import { errorEnvelope } from '../checks/error-envelope.ts'
import { noInternalDetails } from '../checks/no-internal-details.ts'
import type { Check } from '../checks/types.ts'
import { missingVariables, resolveAuth } from '../../contracts/credentials.ts'
import { missingOf, notGiven } from './credentials.ts'
import type { Plan, PlanFor, PlanOptions, Scenario, Skip } from './types.ts'

// Credentials that must never pass. Client-session tokens and publishable keys are made up: where
// an operation does take a client session, the contract expects acceptance and the variant is
// left out rather than sent with a token that no server knows.
const MADE_UP: AuthVariant[] = [
  { use: 'none' },
  { use: 'header', authorization: 'Basic c2VhbTpub3QtYS1iZWFyZXI=' },
  { use: 'header', authorization: 'Bearer ' },
  { use: 'header', authorization: 'Bearer seam_cst_madeup_client_session_token' },
  { use: 'header', authorization: 'Bearer seam_pk_madeup_publishable_key' },
]
/** The tokens above: made up here, public in this file, so a report may show them as sent. */
export const MADE_UP_TOKENS: ReadonlySet<string> = new Set(
  MADE_UP.flatMap((variant) =>
    variant.use === 'header' && variant.authorization.startsWith('Bearer ')
      ? [variant.authorization.slice('Bearer '.length)]
      : [],
  ).filter((token) => token !== ''),
)
// What plain Prism can tell apart: no credentials, or not a bearer token at all.
const PRISM_REJECTS = new Set<AuthVariant>(MADE_UP.slice(0, 2))

const OWN: AuthVariant[] = [
  { use: 'api_key' },
  { use: 'personal_access_token', workspace: true },
  { use: 'personal_access_token', workspace: false },
  { use: 'client_session_token' },
  { use: 'console_session', workspace: true },
]

/** An otherwise valid request with each kind of credential. */
export const authPlan: PlanFor = (operation, options) => {
  const plan: Plan = { scenarios: [], skips: [] }
  const verdict = (variant: AuthVariant) => expectedAuthVerdict(operation.security, variant)
  const heldBy = (variant: AuthVariant) => resolveAuth(variant, options.auth) !== undefined
  const prism = options.rules === 'prism'

  const rejected = MADE_UP.filter((v) => !verdict(v).ok && (!prism || PRISM_REJECTS.has(v)))
  add(plan, operation, options, 'rejected credentials', rejected, [
    authRequired,
    ...(prism ? [] : [errorEnvelope]),
    noInternalDetails,
  ])

  const refused = OWN.filter((v) => !verdict(v).ok)
  if (prism)
    plan.skips.push(
      skip(workspaceHeaderRequired, 'no workspace', 'plain Prism does not know the seam-workspace rule'),
    )
  else
    add(
      plan,
      operation,
      options,
      'no workspace',
      refused.filter(heldBy),
      [workspaceHeaderRequired, errorEnvelope],
      {
        notHeld: preferred(
          refused.filter((v) => !heldBy(v)),
          (v) => {
            const expected = verdict(v)
            return !expected.ok && expected.type === 'missing_workspace_id'
          },
        ),
      },
    )

  // Each kind the operation takes and the run was not given is a skip of its own, naming the
  // variable: against a server the suite did not start, a made-up credential would be refused.
  const taken = OWN.filter((v) => verdict(v).ok)
  add(plan, operation, options, 'accepted credentials', taken.filter(heldBy), [authAccepted], {
    notHeld: taken.filter((v) => !heldBy(v)),
  })
  if (taken.some(heldBy)) {
    for (const variant of taken.filter((v) => !heldBy(v))) {
      const reason = notGiven(missingVariables(variant, options.auth))
      plan.skips.push(skip(authAccepted, `accepted credentials: ${kindOf(variant)}`, reason))
    }
  }
  if (prism && rejected.length > 0) {
    plan.skips.push(
      skip(errorEnvelope, 'rejected credentials', "plain Prism does not answer with Seam's error envelope"),
    )
  }
  return plan
}

function add(
  plan: Plan,
  operation: Operation,
  options: PlanOptions,
  name: string,
  variants: AuthVariant[],
  checks: Check[],
  { notHeld = [] }: { notHeld?: AuthVariant[] } = {},
): void {
  if (variants.length === 0) {
    const security = operation.security.map((alternative) => alternative.join('+')).join(', ')
    const missing = missingOf(notHeld, options.auth)
    const reason =
      missing.length > 0
        ? `${notGiven(missing)} (security: ${security || 'none'})`
        : security === ''
          ? 'the operation is public (no security requirement): no credential to refuse'
          : `no credential of the run fits "${name}" under this operation's security (${security})`
    plan.skips.push(...checks.map((check) => skip(check, name, reason)))
    return
  }
  const requests = fc
    .tuple(validRequest(operation, options.ids), fc.constantFrom(...variants))
    .map(([request, auth]) => ({ ...request, auth }))
  plan.scenarios.push({ name, requests, checks } satisfies Scenario)
}

/** Those that fit `best` if any do, else all: what a skip names when several kinds are missing. */
function preferred(variants: AuthVariant[], best: (variant: AuthVariant) => boolean): AuthVariant[] {
  return variants.some(best) ? variants.filter(best) : variants
}

function kindOf(variant: AuthVariant): string {
  switch (variant.use) {
    case 'personal_access_token':
      return `personal access token${variant.workspace ? ' + workspace' : ''}`
    case 'console_session':
      return `console session${variant.workspace ? ' + workspace' : ''}`
    case 'client_session_token':
      return 'client session'
    case 'api_key':
      return 'API key'
    default:
      return variant.use
  }
}

function skip(check: Check, scenario: string, reason: string): Skip {
  return { check: check.name, scenario, reason }
}

export type { PlanOptions }
