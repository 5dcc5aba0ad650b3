// The SDK under test, seen through what the gate needs: a client of path-keyed methods for a
// credential, and the SDK's error classes. Built from `@seamapi/http/connect`'s `SeamHttpEndpoints`
// (generated: one getter per spec path), so no method is listed by hand.

/** One SDK method: takes the operation's parameters, resolves to what the SDK returns. */
export type SdkMethod = (parameters: Record<string, unknown>) => PromiseLike<unknown>

/** What a request the SDK is about to send says about itself (`SeamHttpRequest`), read without sending. */
export type PendingRequest = { method: string; pathname: string }

export type SdkCredential =
  | { kind: 'api_key'; apiKey: string }
  | { kind: 'personal_access_token'; personalAccessToken: string; workspaceId: string }
  | { kind: 'client_session_token'; clientSessionToken: string }
  | { kind: 'console_session'; consoleSessionToken: string; workspaceId: string }

export type SdkClientOptions = {
  endpoint: string
  credential: SdkCredential
  /** Extra headers on every request (the gate's scripted-error client). */
  headers?: Record<string, string>
}

export type SdkErrorClasses = {
  invalidInput: abstract new (...args: never[]) => { getValidationErrorMessages(field: string): string[] }
  unauthorized: abstract new (...args: never[]) => object
  api: abstract new (...args: never[]) => { code: string; statusCode: number }
}

export type Sdk = {
  /** e.g. `@seamapi/http@1.121.0`. */
  name: string
  /** Path-keyed methods, e.g. `/access_grants/create`. */
  connect(options: SdkClientOptions): Map<string, SdkMethod>
  errors: SdkErrorClasses
}

type EndpointsClass = new (options: Record<string, unknown>) => object

/** Builds the gate's view of an imported `@seamapi/http/connect` module; throws one line if it lacks a part. */
export function sdkFromModule(name: string, module: Record<string, unknown>): Sdk {
  const Endpoints = module['SeamHttpEndpoints']
  const invalidInput = module['SeamHttpInvalidInputError']
  const unauthorized = module['SeamHttpUnauthorizedError']
  const api = module['SeamHttpApiError']
  const missing = Object.entries({
    SeamHttpEndpoints: Endpoints,
    SeamHttpInvalidInputError: invalidInput,
    SeamHttpUnauthorizedError: unauthorized,
    SeamHttpApiError: api,
  })
    .filter(([, value]) => typeof value !== 'function')
    .map(([key]) => key)
  if (missing.length > 0) throw new Error(`${name} does not export ${missing.join(', ')} from /connect`)
  return {
    name,
    connect: (options) => endpointMethods(new (Endpoints as EndpointsClass)(clientOptions(options))),
    errors: { invalidInput, unauthorized, api } as SdkErrorClasses,
  }
}

function clientOptions({ endpoint, credential, headers }: SdkClientOptions): Record<string, unknown> {
  const { kind: _kind, ...secret } = credential
  return {
    ...secret,
    endpoint,
    // One request per call: a retry would hide what the mock received, a poll would call other operations.
    axiosRetryOptions: { retries: 0 },
    waitForActionAttempt: false,
    isUndocumentedApiEnabled: true,
    ...(headers === undefined ? {} : { axiosOptions: { headers } }),
  }
}

/** Every getter named after a path on the instance's class: the SDK's own route map. */
function endpointMethods(endpoints: object): Map<string, SdkMethod> {
  const methods = new Map<string, SdkMethod>()
  for (const key of Object.getOwnPropertyNames(Object.getPrototypeOf(endpoints))) {
    if (!key.startsWith('/')) continue
    const method = (endpoints as Record<string, unknown>)[key]
    if (typeof method === 'function') methods.set(key, method as SdkMethod)
  }
  return methods
}

/** The method and path a lazily sent request (`SeamHttpRequest`) will use, or undefined if it does not say. */
export function pendingRequest(value: unknown): PendingRequest | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const { method, pathname } = value as { method?: unknown; pathname?: unknown }
  return typeof method === 'string' && typeof pathname === 'string' ? { method, pathname } : undefined
}
