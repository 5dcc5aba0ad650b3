// The pinned spec as a file, for Prism's CLI or any other tool: the document exactly as
// `@seamapi/types` publishes it (before the suite normalises it for Ajv), as JSON or YAML; or only
// some operations of it, with the components they reach.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

import { parse, stringify } from 'yaml'

import { buildOperations, documentOperations } from '../../contracts/operations.ts'
import { selectOperations } from '../../contracts/selection.ts'
import { loadSpec, pinnedDocument, pinnedSpecVersion } from '../../contracts/spec.ts'
import { type OperationKey, subsetDocument } from '../../contracts/spec-subset.ts'
import { makeDirectory, UsageError } from './cli.ts'

export type SpecFormat = 'json' | 'yaml'

export const DEFAULT_SPEC_FILE: Record<SpecFormat, string> = {
  json: 'reports/openapi.json',
  yaml: 'reports/openapi.yaml',
}

/** The operations an `--operations` filter (as conformance reads it) selects; a bad filter is a UsageError. */
export async function selectedOperationKeys(selection: string): Promise<OperationKey[]> {
  try {
    return selectOperations(buildOperations(await loadSpec()), selection)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

/** Writes the pinned spec, whole or only `keep`; a path that cannot be written is a one-line UsageError. */
export function writeSpecFile(
  path: string,
  format: SpecFormat,
  keep?: OperationKey[],
): { path: string; version: string; bytes: number; operations?: number } {
  if (path.trim() === '') throw new UsageError('--out needs a file name')
  const file = resolve(path)
  const document = keep === undefined ? pinnedDocument() : subsetDocument(pinnedDocument(), keep)
  const text =
    format === 'json'
      ? `${JSON.stringify(document, null, 2)}\n`
      : stringify(document, { aliasDuplicateObjects: false })
  try {
    makeDirectory(dirname(file))
    writeFileSync(file, text)
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
  const written = { path: file, version: pinnedSpecVersion(), bytes: Buffer.byteLength(text) }
  return keep === undefined ? written : { ...written, operations: keep.length }
}

/** The flags that narrow an exported spec, as conformance's own. */
export const OPERATION_FLAGS = {
  operations: { type: 'string' },
  'seed-endpoints': { type: 'boolean' },
} as const

/** The `--operations` filter the flags give, if any. */
export function operationSelection(values: {
  operations?: string
  'seed-endpoints'?: boolean
}): string | undefined {
  if (values['seed-endpoints'] !== true) return values.operations
  if (values.operations !== undefined)
    throw new UsageError('--seed-endpoints and --operations exclude each other')
  return 'seed'
}

/**
 * The `--operations` filter for what an OpenAPI file (JSON or YAML) serves of the pinned spec:
 * `seed` for the seed endpoints, undefined for all of them or when the file cannot be read (the
 * tool that serves it says why), else each operation by method and path.
 */
export async function servedSelection(file: string): Promise<string | undefined> {
  let served: Set<string>
  try {
    const document = parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    served = new Set(Array.from(documentOperations(document), ({ id }) => id))
  } catch {
    return undefined
  }
  const all = buildOperations(await loadSpec())
  const kept = all.filter((operation) => served.has(operation.id))
  if (kept.length === 0 || kept.length === all.length) return undefined
  const seed = selectOperations(all, 'seed')
  if (kept.length === seed.length && seed.every((operation) => served.has(operation.id))) return 'seed'
  return kept.map((operation) => operation.id).join(',')
}
