// Prism's HTTP engine, in-process. Routing is ours: an exact method+path lookup table, which is
// far cheaper than Prism's router searching hundreds of operations for every request.
import { createLogger } from '@stoplight/prism-core'
import { createInstance, getHttpOperationsFromSpec, type IHttpRequest } from '@stoplight/prism-http'
import type { IHttpOperation } from '@stoplight/types'

import { memoizeByObject } from '../contracts/memo.ts'

export type PrismVerdict = {
  status: number
  /** Prism's findings on the request: schema violations (400) or security (401). */
  findings: { path: string[]; message: string }[]
}

export type PrismEngine = {
  route(method: string, path: string): IHttpOperation | undefined
  judge(operation: IHttpOperation, request: IHttpRequest): Promise<PrismVerdict>
}

// Prism's own reading of a spec takes seconds: mocks started on the same document share it.
export const prismEngineFor = memoizeByObject(createPrismEngine)

async function createPrismEngine(document: object): Promise<PrismEngine> {
  const operations = await getHttpOperationsFromSpec(structuredClone(document))
  const table = new Map(operations.map((operation) => [`${operation.method} ${operation.path}`, operation]))
  const prism = createInstance(
    {
      mock: { dynamic: false },
      checkSecurity: true,
      validateRequest: true,
      validateResponse: false,
      errors: false,
      upstreamProxy: undefined,
      isProxy: false,
    },
    { logger: createLogger('seam-mock', { level: 'silent' }) },
  )
  return {
    route: (method, path) => table.get(`${method.toLowerCase()} ${path}`),
    async judge(operation, request) {
      const result = await prism.request(request, [operation])()
      if (result._tag === 'Left') throw result.left
      const { output, validations } = result.right
      return {
        status: output.statusCode,
        findings: validations.input.map((finding) => ({
          path: finding.path ?? [],
          message: finding.message,
        })),
      }
    },
  }
}
