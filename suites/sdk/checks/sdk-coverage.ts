import type { Operation } from '../../../contracts/operations.ts'
import type { PendingRequest } from '../sdk.ts'

/** What one SDK method says it sends, read without sending (undefined: it does not say). */
export type SdkMethodRoute = { sdkPath: string; sends?: PendingRequest }

export type SdkBinding = { sdkPath: string; operation: Operation }

/**
 * Which spec operation each SDK method calls, and the gaps either way: a finding for the SDK team,
 * never a crash. `otherMethods` are operations on a path the SDK covers with another method (the
 * SDK picks one method per path).
 */
export type SdkCoverage = {
  bound: SdkBinding[]
  withoutSdkMethod: Operation[]
  otherMethods: Operation[]
  withoutOperation: { sdkPath: string; sends?: string }[]
}

export function sdkCoverage(methods: SdkMethodRoute[], operations: Operation[]): SdkCoverage {
  const byId = new Map(operations.map((operation) => [operation.id, operation]))
  const bound: SdkBinding[] = []
  const withoutOperation: SdkCoverage['withoutOperation'] = []
  for (const { sdkPath, sends } of methods) {
    const operation =
      sends === undefined
        ? guess(sdkPath, operations)
        : byId.get(`${sends.method.toUpperCase()} ${sends.pathname}`)
    if (operation === undefined) {
      withoutOperation.push({
        sdkPath,
        ...(sends === undefined ? {} : { sends: `${sends.method.toUpperCase()} ${sends.pathname}` }),
      })
    } else bound.push({ sdkPath, operation })
  }
  const boundIds = new Set(bound.map(({ operation }) => operation.id))
  const coveredPaths = new Set(bound.map(({ operation }) => operation.path))
  const unbound = operations.filter((operation) => !boundIds.has(operation.id))
  return {
    bound,
    withoutSdkMethod: unbound.filter((operation) => !coveredPaths.has(operation.path)),
    otherMethods: unbound.filter((operation) => coveredPaths.has(operation.path)),
    withoutOperation,
  }
}

/** A method that does not say what it sends: its path's only operation, else its POST. */
function guess(sdkPath: string, operations: Operation[]): Operation | undefined {
  const candidates = operations.filter((operation) => operation.path === sdkPath)
  return candidates.length === 1 ? candidates[0] : candidates.find((operation) => operation.method === 'post')
}
