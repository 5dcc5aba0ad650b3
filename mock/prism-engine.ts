// Prism's HTTP engine, in-process. Routing is ours: an exact method+path lookup table, which is
// far cheaper than Prism's router searching hundreds of operations for every request.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'

import { createLogger } from '@stoplight/prism-core'
import { createInstance, getHttpOperationsFromSpec, type IHttpRequest } from '@stoplight/prism-http'
import { DiagnosticSeverity, type IHttpOperation } from '@stoplight/types'

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

const NO_ANSWER = { statusCode: 200, headers: {} }

async function createPrismEngine(document: object): Promise<PrismEngine> {
  const texts = await prismOperations(document)
  // Each operation is parsed at its first request: a run on a few operations does not parse all 522.
  const table = new Map<string, IHttpOperation>()
  const operationAt = (key: string): IHttpOperation | undefined => {
    if (!Object.hasOwn(texts, key)) return undefined
    let operation = table.get(key)
    if (operation === undefined) {
      operation = withExplodeDefault(JSON.parse(texts[key] as string) as IHttpOperation)
      table.set(key, operation)
    }
    return operation
  }
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
    // Prism judges; it does not answer. Its own mocker would sample an example body (a good part of
    // its time) that the contract mock throws away, so it is replaced by an empty answer.
    {
      logger: createLogger('seam-mock', { level: 'silent' }),
      mock: () => () => ({ _tag: 'Right', right: NO_ANSWER }),
    },
  )
  return {
    route: (method, path) => operationAt(routeKey(method, path)),
    async judge(operation, request) {
      const result = await prism.request(request, [operation])()
      if (result._tag === 'Left') throw result.left
      const findings = result.right.validations.input
      const errors = findings.filter((finding) => finding.severity === DiagnosticSeverity.Error)
      return {
        status: errors.some((finding) => finding.code === 401) ? 401 : errors.length > 0 ? 400 : 200,
        findings: errors.map((finding) => ({ path: finding.path ?? [], message: finding.message })),
      }
    },
  }
}

/** Where Prism's reading of a document is kept between processes, by the document and Prism's version. */
const CACHE = resolve(import.meta.dirname, '..', 'reports', '.prism-cache')

const routeKey = (method: string, path: string) => `${method.toLowerCase()} ${path}`

/**
 * Prism's reading of the document: seconds of CPU (it dereferences and then decycles the whole
 * document), the same for every process on the same document and Prism. So it is read once and
 * kept as JSON (what Prism makes of it survives JSON unchanged), and later processes load it: each
 * operation as a JSON text by its method and path, as parsing all of them took 0.3 s per process.
 */
async function prismOperations(document: object): Promise<Record<string, string>> {
  const require = createRequire(import.meta.url)
  const { version } = require('@stoplight/prism-http/package.json') as { version: string }
  const key = createHash('sha256')
    .update(version)
    .update('texts\0')
    .update(JSON.stringify(document))
    .digest('hex')
    .slice(0, 24)
  const file = join(CACHE, `${key}.json`)
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>
  } catch {
    // Not read yet (or unreadable): read it now.
  }
  const operations = await getHttpOperationsFromSpec(structuredClone(document))
  const texts = Object.fromEntries(
    operations.map((operation) => [routeKey(operation.method, operation.path), JSON.stringify(operation)]),
  )
  try {
    mkdirSync(CACHE, { recursive: true })
    // Written whole, then renamed: a process reading it at the same moment never sees half of it.
    const partial = `${file}.${process.pid}.tmp`
    writeFileSync(partial, JSON.stringify(texts))
    renameSync(partial, file)
  } catch {
    // A cache that cannot be written only costs the next process the same seconds.
  }
  return texts
}

/**
 * OpenAPI 3.0: a form-style parameter explodes unless it says otherwise (`a=1&a=2`). Prism reads an
 * unset `explode` as false and keeps only the last of repeated keys, so the default is made explicit.
 */
function withExplodeDefault(operation: IHttpOperation): IHttpOperation {
  const query = operation.request?.query?.map((parameter) =>
    parameter.explode === undefined && (parameter.style ?? 'form') === 'form'
      ? { ...parameter, explode: true }
      : parameter,
  )
  return query === undefined ? operation : { ...operation, request: { ...operation.request, query } }
}
