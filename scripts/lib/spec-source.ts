// Where `spec:diff` finds an OpenAPI document: the installed `@seamapi/types`, a published version
// (fetched once with `npm pack` and cached as JSON), or a JSON file.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { pathToFileURL } from 'node:url'

import { openapi } from '@seamapi/types/connect'

import { readJson } from '../../contracts/json.ts'
import { pinnedSpecVersion } from '../../contracts/spec.ts'
import { UsageError } from './cli.ts'

export type SpecSource = { version: string; document: unknown }

const PACKAGE = '@seamapi/types'
/** The connect document as every published version we know ships it: a module whose default is it. */
const OPENAPI_MODULE = 'package/lib/seam/connect/openapi.js'
const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/
const FETCH_TIMEOUT_MS = 120_000

export async function readSpecSource(value: string, cacheDir: string): Promise<SpecSource> {
  if (value === 'installed' || value === 'pinned') return { version: pinnedSpecVersion(), document: openapi }
  if (VERSION.test(value)) return { version: value, document: await publishedDocument(value, cacheDir) }
  if (existsSync(value)) return { version: basename(value), document: readJsonFile(value) }
  if (looksLikePath(value)) throw new UsageError(`no file at ${value}`)
  throw new UsageError(`"${value}" is not a version of ${PACKAGE}, "installed", or a JSON file`)
}

/** What can only be meant as a file: a folder in it, or a file's extension. */
function looksLikePath(value: string): boolean {
  return /[\\/]/.test(value) || /\.(json|ya?ml)$/i.test(value)
}

async function publishedDocument(version: string, cacheDir: string): Promise<unknown> {
  const cached = join(cacheDir, `seamapi-types-${version}.openapi.json`)
  if (existsSync(cached)) return readJsonFile(cached)
  const work = mkdtempSync(join(tmpdir(), 'spec-diff-'))
  try {
    const tarball = await npmPack(version, work)
    await run(
      'tar',
      ['-xzf', tarball, '-C', work, OPENAPI_MODULE],
      `${PACKAGE}@${version} has no ${OPENAPI_MODULE}`,
    )
    const module = (await import(pathToFileURL(join(work, OPENAPI_MODULE)).href)) as { default?: unknown }
    if (typeof module.default !== 'object' || module.default === null) {
      throw new Error(`${PACKAGE}@${version}: ${OPENAPI_MODULE} exports no document`)
    }
    mkdirSync(cacheDir, { recursive: true })
    // Written aside and renamed, so a run cut short never leaves half a document in the cache.
    writeFileSync(`${cached}.${process.pid}.tmp`, JSON.stringify(module.default))
    renameSync(`${cached}.${process.pid}.tmp`, cached)
    return module.default
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

async function npmPack(version: string, destination: string): Promise<string> {
  // One quick retry: npm's own default (two, with up to a minute's backoff) makes an unreachable
  // registry look like a hang.
  const retries = ['--fetch-retries=1', '--fetch-retry-mintimeout=1000', '--fetch-retry-maxtimeout=3000']
  const args = ['pack', `${PACKAGE}@${version}`, '--json', '--pack-destination', destination, ...retries]
  const { stdout } = await new Promise<{ stdout: string }>((resolve) => {
    execFile(
      'npm',
      args,
      { cwd: destination, timeout: FETCH_TIMEOUT_MS, maxBuffer: 256 * 1024 * 1024 },
      (error, out) => resolve({ stdout: error === null ? out : `${out}\n${packFailure(error)}` }),
    )
  })
  const answer = parsePackAnswer(stdout)
  if ('error' in answer) throw new Error(`cannot fetch ${PACKAGE}@${version}: ${answer.error}`)
  return join(destination, answer.filename)
}

function packFailure(error: Error & { killed?: boolean; code?: unknown }): string {
  if (error.killed === true) return JSON.stringify({ error: { summary: `npm pack timed out` } })
  if (error.code === 'ENOENT') return JSON.stringify({ error: { summary: 'npm is not on the PATH' } })
  return ''
}

/** npm prints `[{filename, …}]` on success and `{error: {summary}}` on failure (with `--json`). */
function parsePackAnswer(stdout: string): { filename: string } | { error: string } {
  for (const chunk of stdout.split(/\n(?=[[{])/).reverse()) {
    const read = readJson(chunk)
    if (!('json' in read)) continue
    const parsed = read.json
    const packed = Array.isArray(parsed) ? (parsed[0] as { filename?: unknown } | undefined) : undefined
    if (typeof packed?.filename === 'string') return { filename: packed.filename }
    const error = (parsed as { error?: { summary?: unknown } } | null)?.error
    if (typeof error?.summary === 'string') return { error: error.summary.split('\n')[0] ?? '' }
  }
  return { error: 'npm pack failed without saying why' }
}

function run(command: string, args: string[], failure: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: FETCH_TIMEOUT_MS }, (error) =>
      error === null ? resolve() : reject(new Error(failure)),
    )
  })
}

function readJsonFile(path: string): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new Error(`${path} is not JSON: ${(error as Error).message}`)
  }
}
