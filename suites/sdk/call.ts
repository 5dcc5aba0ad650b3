// Calls one SDK method and records what the server saw meanwhile (the mock's own record, or the
// live wire's). Calls run one at a time, so every request received during a call belongs to it.
import type { Operation } from '../../contracts/operations.ts'
import type { Payload } from '../../contracts/request.ts'
import type { MockRequest, MockResponse } from '../../mock/server.ts'
import type { SdkCall, SdkOutcome, WireFailure } from './checks/types.ts'
import type { SdkMethod } from './sdk.ts'

/** The server's side: `onExchange` feeds it, `during` collects what one call caused. */
export type WireRecorder = {
  onExchange(request: MockRequest, response: MockResponse, failure?: WireFailure): void
  during<T>(action: () => Promise<T>): Promise<{ result: T; received: SdkCall['received'] }>
}

export function wireRecorder(): WireRecorder {
  let current: SdkCall['received'] | undefined
  return {
    onExchange(request, response, failure) {
      current?.push({ request, response, ...(failure === undefined ? {} : { failure }) })
    },
    async during(action) {
      const received: SdkCall['received'] = []
      current = received
      try {
        return { result: await action(), received }
      } finally {
        current = undefined
      }
    },
  }
}

export async function callSdk(options: {
  recorder: WireRecorder
  method: SdkMethod
  operation: Operation
  sdkPath: string
  parameters: Payload
  timeoutMs: number
}): Promise<SdkCall> {
  const { recorder, method, operation, sdkPath, parameters, timeoutMs } = options
  const { result: outcome, received } = await recorder.during(() => settle(method, parameters, timeoutMs))
  return { operation, sdkPath, parameters, outcome, received }
}

/** Whatever the method does — resolve, reject, throw, hang — becomes an outcome. */
async function settle(method: SdkMethod, parameters: Payload, timeoutMs: number): Promise<SdkOutcome> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<SdkOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ rejected: new Error(`no result within ${timeoutMs} ms`) }), timeoutMs)
  })
  try {
    const call = (async (): Promise<SdkOutcome> => ({ resolved: await method(parameters) }))().catch(
      (error: unknown): SdkOutcome => ({ rejected: error }),
    )
    return await Promise.race([call, deadline])
  } finally {
    clearTimeout(timer)
  }
}
