// How a check names what the SDK gave back, in one line.
import type { SdkCall, SdkOutcome } from './types.ts'

export function describeOutcome(outcome: SdkOutcome): string {
  if ('resolved' in outcome) return `resolved to ${preview(outcome.resolved)}`
  const error = outcome.rejected
  if (error instanceof Error)
    return `rejected with ${error.constructor.name}: ${error.message.split('\n')[0] ?? ''}`
  return `rejected with ${preview(error)}`
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 200 ? `${text.slice(0, 200)}…` : text
}

/** The mock's answer to the call, when it received exactly one request. */
export function onlyAnswer(call: SdkCall) {
  return call.received.length === 1 ? call.received[0]?.response : undefined
}
