// The SDK as the engine's target: each case calls the SDK method bound to its operation, with the
// credential its scenario needs, and the answer is the call with everything the server received
// meanwhile (the mock's recorder, or the live wire's).
import type { AuthVariant } from '../../contracts/auth.ts'
import type { AuthSecrets } from '../../contracts/credentials.ts'
import type { Operation } from '../../contracts/operations.ts'
import type { GeneratedRequest } from '../../contracts/request.ts'
import type { Target } from '../engine/target.ts'
import { callSdk, type WireRecorder } from './call.ts'
import type { SdkCall } from './checks/types.ts'
import { parametersOf } from './error-cases.ts'
import type { Sdk, SdkCredential, SdkMethod } from './sdk.ts'

/** An SDK method the run calls: its operation, and the credential ordinary calls carry. */
export type BoundOperation = { operation: Operation; sdkPath: string; credential: AuthVariant }

/** Made-up credentials of each kind for the case that expects a 401: not secrets, and no server takes them. */
export const WRONG_SECRETS = {
  apiKey: 'seam_sdk_gate_wrong_key',
  personalAccessToken: 'seam_at_sdk_gate_wrong_token',
  clientSessionToken: 'seam_cst_sdk_gate_wrong_token',
  consoleSessionToken: 'eyJhbGciOiJub25lIn0.eyJ3cm9uZyI6dHJ1ZX0.',
} as const

export type SdkTargetOptions = {
  bound: BoundOperation[]
  clients: SdkClients
  recorder: WireRecorder
  timeoutMs: number
  /** Extra headers a scenario's calls carry (the mock's scripted error). */
  headersFor?: (scenario: string) => Record<string, string> | undefined
  /** Told which scenario the next call is for, before it is made (the live wire logs it). */
  beforeCall?: (scenario: string) => void
  /** Sees every call, once made. */
  onCall?: (call: SdkCall, scenario: string) => void
}

export function sdkTarget(options: SdkTargetOptions): Target<SdkCall, SdkCall> {
  const byId = new Map(options.bound.map((entry) => [entry.operation.id, entry]))
  let queue: Promise<unknown> = Promise.resolve()
  const call = async (request: GeneratedRequest, scenario: string): Promise<SdkCall> => {
    const { operation, sdkPath, credential } = byId.get(request.operation) as BoundOperation
    const method = options.clients
      .get(credential, scenario === 'unauthorized', options.headersFor?.(scenario))
      .get(sdkPath) as SdkMethod
    options.beforeCall?.(scenario)
    const sdkCall = await callSdk({
      recorder: options.recorder,
      method,
      operation,
      sdkPath,
      parameters: parametersOf(request),
      timeoutMs: options.timeoutMs,
    })
    options.onCall?.(sdkCall, scenario)
    return sdkCall
  }
  return {
    // One call at a time, whatever the engine prefetches: the recorder attributes what the server
    // receives to the call in progress. In-process the mock shares the thread, so nothing is lost.
    send(request, scenario) {
      const next = queue.then(() => call(request, scenario))
      queue = next.catch(() => undefined)
      return next
    },
    // A call whose request never got a judgeable answer (the live wire's transport failure, a route
    // the target lacks, a 5xx) says nothing about the SDK: the target's failure.
    judged: (sdkCall) => {
      const failed = sdkCall.received.find((received) => received.failure !== undefined)?.failure
      return failed === undefined ? { judged: sdkCall } : { failure: `${failed.kind}: ${failed.reason}` }
    },
    status: (sdkCall) => sdkCall.received[0]?.response.status,
  }
}

export type SdkClients = ReturnType<typeof sdkClients>

/** One SDK client per credential kind (and per wrong secret or extra header), built on first use. */
export function sdkClients(sdk: Sdk, endpoint: string, secrets: AuthSecrets) {
  const cache = new Map<string, Map<string, SdkMethod>>()
  return {
    get(variant: AuthVariant, wrong = false, headers?: Record<string, string>): Map<string, SdkMethod> {
      const key = JSON.stringify([variant.use, wrong, headers])
      let methods = cache.get(key)
      if (methods === undefined) {
        methods = sdk.connect({
          endpoint,
          credential: sdkCredential(variant, secrets, wrong),
          ...(headers === undefined ? {} : { headers }),
        })
        cache.set(key, methods)
      }
      return methods
    },
  }
}

/** The SDK's options for a credential of the run; `wrong` swaps the secret for one no server takes. */
export function sdkCredential(variant: AuthVariant, secrets: AuthSecrets, wrong = false): SdkCredential {
  const secret = (right: string | undefined, other: string) => (wrong ? other : (right ?? ''))
  const workspaceId = secrets.workspaceId ?? ''
  switch (variant.use) {
    case 'personal_access_token':
      return {
        kind: 'personal_access_token',
        personalAccessToken: secret(secrets.personalAccessToken, WRONG_SECRETS.personalAccessToken),
        workspaceId,
      }
    case 'client_session_token':
      return {
        kind: 'client_session_token',
        clientSessionToken: secret(secrets.clientSessionToken, WRONG_SECRETS.clientSessionToken),
      }
    case 'console_session':
      return {
        kind: 'console_session',
        consoleSessionToken: secret(secrets.consoleSessionToken, WRONG_SECRETS.consoleSessionToken),
        workspaceId,
      }
    default:
      return { kind: 'api_key', apiKey: secret(secrets.apiKey, WRONG_SECRETS.apiKey) }
  }
}
