// Prism's HTTP engine, in-process. Routing is ours: an exact method+path lookup table, which is
// far cheaper than Prism's router searching hundreds of operations for every request.
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'

// Prism's parts, not its index: the index also loads its mocker and forwarder (faker, Postman's
// collection model), most of a second in every process that judges requests, for nothing used here.
import { factory } from '@stoplight/prism-core/dist/factory.js'
import { createLogger } from '@stoplight/prism-core/dist/logger.js'
import type {
  IHttpConfig,
  IHttpRequest,
  IHttpResponse,
  PrismHttpComponents,
  PrismHttpInstance,
} from '@stoplight/prism-http'
import {
  validateInput,
  validateOutput,
  validateSecurity,
} from '@stoplight/prism-http/dist/validator/index.js'
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
  const textOf = await prismOperations(document)
  // Each operation is read at its first request: a run on a few operations does not read all 522.
  const table = new Map<string, IHttpOperation | undefined>()
  const operationAt = (key: string): IHttpOperation | undefined => {
    if (!table.has(key)) {
      const text = textOf(key)
      table.set(key, text === undefined ? undefined : requestSide(JSON.parse(text) as IHttpOperation))
    }
    return table.get(key)
  }
  // What `createInstance` of Prism's index makes, with these parts.
  const config: IHttpConfig = {
    mock: { dynamic: false },
    checkSecurity: true,
    validateRequest: true,
    validateResponse: false,
    errors: false,
    upstreamProxy: undefined,
    isProxy: false,
  }
  const prism: PrismHttpInstance = factory<IHttpOperation, IHttpRequest, IHttpResponse, IHttpConfig>(
    config,
    // Prism judges; it does not answer. Its own mocker would sample an example body (a good part of
    // its time) that the contract mock throws away, so it is replaced by an empty answer.
    {
      logger: createLogger('seam-mock', { level: 'silent' }),
      // The operation is already found (`route` below, by method and path exactly) and is the only
      // one Prism is given: its router would only match it again, compiling a URI template each time.
      route: ({ resources }) => ({ _tag: 'Right', right: resources[0] as IHttpOperation }),
      validateInput,
      validateOutput,
      // Typed for the headers and URL it reads; the factory only looks at its findings.
      validateSecurity: validateSecurity as unknown as PrismHttpComponents['validateSecurity'],
      mock: () => () => ({ _tag: 'Right', right: NO_ANSWER }),
      // Never called: Prism forwards only as a proxy (`isProxy` is false).
      forward: () => () => () => Promise.reject(new Error('the contract mock never forwards')),
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
 * kept as JSON (what Prism makes of it survives JSON unchanged), one file per operation, and later
 * processes read the operations they are asked for: reading all of them (20 MB) took 0.3 s each.
 */
async function prismOperations(document: object): Promise<(key: string) => string | undefined> {
  const require = createRequire(import.meta.url)
  const { version } = require('@stoplight/prism-http/package.json') as { version: string }
  const hash = createHash('sha256').update(version).update(JSON.stringify(document)).digest('hex')
  const directory = join(CACHE, hash.slice(0, 24))
  const fileOf = (key: string) => join(directory, `${encodeURIComponent(key)}.json`)
  if (existsSync(directory)) {
    markUsed(directory)
    return (key) => {
      try {
        return readFileSync(fileOf(key), 'utf8')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
        throw error
      }
    }
  }
  // Only a process that finds no kept reading loads Prism's reader of documents (Postman's model with it).
  const { getHttpOperationsFromSpec } = await import('@stoplight/prism-http/dist/utils/operations.js')
  const operations = await getHttpOperationsFromSpec(structuredClone(document))
  const texts = new Map(
    operations.map((operation) => [routeKey(operation.method, operation.path), JSON.stringify(operation)]),
  )
  // Written whole, then renamed: a process never sees part of it.
  const partial = `${directory}.${process.pid}.tmp`
  try {
    mkdirSync(partial, { recursive: true })
    for (const [key, text] of texts) writeFileSync(join(partial, `${encodeURIComponent(key)}.json`), text)
    renameSync(partial, directory)
    pruneUnused(directory)
  } catch {
    // A cache that cannot be written (or another process wrote it first) only costs the next
    // process the same seconds.
    rmSync(partial, { recursive: true, force: true })
  }
  return (key) => texts.get(key)
}

/** A reading no process opened for this long (an older spec or Prism) is removed. */
const UNUSED_FOR_MS = 7 * 24 * 3600 * 1000

/** A reading's time of last use is its folder's modification time. */
function markUsed(directory: string): void {
  try {
    const now = new Date()
    utimesSync(directory, now, now)
  } catch {
    // A read-only checkout keeps its readings; it only cannot age them.
  }
}

/**
 * Each spec or Prism version leaves a reading of some 20 MB. Once a new one is written, the
 * readings no process has opened for a week go: one in use is marked at every start (`markUsed`).
 */
function pruneUnused(kept: string): void {
  const before = Date.now() - UNUSED_FOR_MS
  for (const name of readdirSync(CACHE)) {
    const path = join(CACHE, name)
    if (path === kept) continue
    try {
      if (statSync(path).mtimeMs < before) rmSync(path, { recursive: true, force: true })
    } catch {
      // Removed meanwhile by another process.
    }
  }
}

/**
 * What Prism needs to judge a request. Its answer and its checks of answers are off, so an
 * operation's responses (18 of the 19 MB Prism makes of the document) are never read: kept for
 * every operation a run reaches, they held 30 MB of a test worker's heap.
 */
function requestSide(operation: IHttpOperation): IHttpOperation {
  return { ...withoutEmptyPath(withExplodeDefault(operation)), responses: [] }
}

/**
 * Prism matches the request's path against the operation's as a URI template for every request
 * its operation lists path parameters for, an empty list included (3 % of a whole-API run's CPU).
 * No Seam path has one, and an empty list validates nothing.
 */
function withoutEmptyPath(operation: IHttpOperation): IHttpOperation {
  if (operation.request?.path?.length !== 0) return operation
  const { path: _none, ...request } = operation.request
  return { ...operation, request }
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
