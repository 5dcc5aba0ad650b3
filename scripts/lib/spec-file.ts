// The pinned spec as a file, for Prism's CLI or any other tool: the document exactly as
// `@seamapi/types` publishes it (before the suite normalises it for Ajv), as JSON or YAML.
import { writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

import { stringify } from 'yaml'

import { pinnedDocument, pinnedSpecVersion } from '../../contracts/spec.ts'
import { makeDirectory, UsageError } from './cli.ts'

export type SpecFormat = 'json' | 'yaml'

export const DEFAULT_SPEC_FILE: Record<SpecFormat, string> = {
  json: 'reports/openapi.json',
  yaml: 'reports/openapi.yaml',
}

/** Writes the pinned spec; a path that cannot be written is a one-line UsageError. */
export function writeSpecFile(
  path: string,
  format: SpecFormat,
): { path: string; version: string; bytes: number } {
  if (path.trim() === '') throw new UsageError('--out needs a file name')
  const file = resolve(path)
  const document = pinnedDocument()
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
  return { path: file, version: pinnedSpecVersion(), bytes: Buffer.byteLength(text) }
}
