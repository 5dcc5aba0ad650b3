// Where the SDK under test comes from: a project dependency (the pinned `@seamapi/http`, or an npm
// alias of another release such as `@seamapi/http-next`), or any release installed with npm into a
// cache outside node_modules: an exact version, a dist-tag, a tarball or a directory, so the SDK team
// can gate a release candidate before publishing it. Either way `@seamapi/http/connect` is imported
// the way a user's code imports it: Node resolves the package's `exports`, whatever its conditions.
import { execFile } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

import { type Sdk, sdkFromModule } from './sdk.ts'

export const SDK_PACKAGE = '@seamapi/http'
const PROJECT_ROOT = resolve(import.meta.dirname, '../..')
const DEFAULT_CACHE = join(PROJECT_ROOT, 'reports/.sdk')
/** The module inside an install directory that imports the SDK as a user's code would. */
const ENTRY_FILE = 'sdk-entry.mjs'

/** npm could not install the release asked for, or what it installed is not `@seamapi/http`. */
export class SdkInstallError extends Error {
  override name = 'SdkInstallError'
}

/** The release is installed, but `@seamapi/http/connect` cannot be imported or lacks what the gate needs. */
export class SdkLoadError extends Error {
  override name = 'SdkLoadError'
}

export type LoadOptions = {
  /** Where npm installs releases (default reports/.sdk). */
  cacheRoot?: string
  /** Names the flag in error messages (default --sdk). */
  flag?: string
}

/** Where a release comes from, once its spec is read. */
export type SdkSource =
  | { kind: 'dependency'; dependency: string; version: string }
  | { kind: 'registry'; version: string }
  | { kind: 'path'; path: string }

type PackageManifest = { name?: string; version?: string }

/**
 * The SDK for `spec`: undefined (the pinned release), an exact version or a dist-tag, bare or as
 * `@seamapi/http@<version|tag>`, a tarball or a directory. A version the project already has
 * installed (the pinned one, or an alias such as `@seamapi/http-next`) loads from node_modules.
 */
export async function loadSdk(spec?: string, options: LoadOptions = {}): Promise<Sdk> {
  if (spec === undefined) return loadDependency(SDK_PACKAGE)
  const flag = options.flag ?? '--sdk'
  const source = await resolveSdkSpec(spec, flag)
  if (source.kind === 'dependency') return loadDependency(source.dependency)
  const label = `${flag} "${spec}"`
  const root = await install(source, options.cacheRoot ?? DEFAULT_CACHE, label)
  return loadInstalled(root, label)
}

/** A project dependency that is an `@seamapi/http` release, imported by its own name. */
export async function loadDependency(dependency: string): Promise<Sdk> {
  const manifest = readManifest(join(PROJECT_ROOT, 'node_modules', dependency))
  if (manifest?.name !== SDK_PACKAGE) {
    throw new SdkInstallError(`${dependency}: no ${SDK_PACKAGE} release installed under that name (npm ci?)`)
  }
  return importSdk(
    `${SDK_PACKAGE}@${manifest.version ?? 'unknown'}`,
    dependency,
    () => import(`${dependency}/connect`),
  )
}

/**
 * The SDK installed in `root/node_modules/@seamapi/http`, imported from a module inside `root`, so
 * Node resolves it exactly as it would for a user's project there.
 */
export async function loadInstalled(root: string, label = root): Promise<Sdk> {
  const manifest = readManifest(join(root, 'node_modules', SDK_PACKAGE))
  if (manifest?.name !== SDK_PACKAGE)
    throw new SdkInstallError(`${label}: installs no ${SDK_PACKAGE} package`)
  const entry = join(root, ENTRY_FILE)
  writeFileSync(entry, `export * from '${SDK_PACKAGE}/connect'\n`)
  return importSdk(
    `${SDK_PACKAGE}@${manifest.version ?? 'unknown'}`,
    label,
    () => import(pathToFileURL(entry).href),
  )
}

async function importSdk(name: string, label: string, load: () => Promise<unknown>): Promise<Sdk> {
  let module: Record<string, unknown>
  try {
    module = (await load()) as Record<string, unknown>
  } catch (error) {
    throw new SdkLoadError(`${label}: cannot import ${SDK_PACKAGE}/connect of ${name} (${firstLine(error)})`)
  }
  try {
    return sdkFromModule(name, module)
  } catch (error) {
    throw new SdkLoadError(`${label}: ${firstLine(error)}`)
  }
}

/** Reads an `--sdk` value: a path if one exists, else a release of `@seamapi/http` named by version or dist-tag. */
export async function resolveSdkSpec(spec: string, flag = '--sdk'): Promise<SdkSource> {
  if (existsSync(spec)) return { kind: 'path', path: resolve(spec) }
  // A folder in it or a tarball's name: a path that is not there, not a badly written release.
  if (/^\.{0,2}[\\/]|\.(tgz|tar\.gz)$/.test(spec))
    throw new Error(`${flag} "${spec}": no such file or directory`)
  const wanted = releaseRequested(spec)
  if (wanted === undefined) {
    throw new Error(
      `${flag} "${spec}": expected ${SDK_PACKAGE}@<version or dist-tag>, a version, a dist-tag, a tarball or a directory`,
    )
  }
  const version = EXACT_VERSION.test(wanted) ? wanted : await registryVersion(wanted, `${flag} "${spec}"`)
  const dependency = installedDependency(version)
  return dependency === undefined
    ? { kind: 'registry', version }
    : { kind: 'dependency', dependency, version }
}

const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/
/** A bare version (`2.32.0`), range or dist-tag (`latest`, `next`): no scope, no path, no second name. */
const BARE_REQUEST = /^[0-9A-Za-z^~<>=.*x+-]+$/

function releaseRequested(spec: string): string | undefined {
  if (spec === SDK_PACKAGE) return 'latest'
  if (spec.startsWith(`${SDK_PACKAGE}@`)) return spec.slice(SDK_PACKAGE.length + 1) || undefined
  return BARE_REQUEST.test(spec) ? spec : undefined
}

/** What the registry resolves a dist-tag or range to: the highest matching version. */
async function registryVersion(wanted: string, label: string): Promise<string> {
  let stdout: string
  try {
    ;({ stdout } = await promisify(execFile)(
      'npm',
      ['view', `${SDK_PACKAGE}@${wanted}`, 'version', '--json', '--loglevel=error'],
      { timeout: 60_000 },
    ))
  } catch (error) {
    throw new SdkInstallError(`${label}: npm cannot resolve it${npmReason(error)}`)
  }
  const parsed = stdout.trim() === '' ? undefined : (JSON.parse(stdout) as string | string[])
  const version = Array.isArray(parsed) ? parsed.at(-1) : parsed
  if (version === undefined) throw new SdkInstallError(`${label}: npm has no ${SDK_PACKAGE}@${wanted}`)
  return version
}

/** The project dependency (the pinned package or an npm alias) holding exactly this release, if any. */
function installedDependency(version: string): string | undefined {
  return Object.entries(declaredDependencies())
    .filter(([name, range]) => name === SDK_PACKAGE || range.startsWith(`npm:${SDK_PACKAGE}@`))
    .map(([name]) => name)
    .find((name) => {
      const installed = readManifest(join(PROJECT_ROOT, 'node_modules', name))
      return installed?.name === SDK_PACKAGE && installed.version === version
    })
}

/** The version of `@seamapi/http` that package.json pins: the gate's default SDK and baseline. */
export function pinnedSdkVersion(): string {
  const version = declaredDependencies()[SDK_PACKAGE]
  if (version === undefined) throw new Error(`package.json does not pin ${SDK_PACKAGE}`)
  return version
}

/** The project's package.json dependencies and devDependencies, name to version or alias. */
function declaredDependencies(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>
    devDependencies?: Record<string, string>
  }
  return { ...manifest.dependencies, ...manifest.devDependencies }
}

/** Installs a release into its own cache directory; registry versions are reused, paths reinstalled. */
async function install(source: SdkSource, cacheRoot: string, label: string): Promise<string> {
  const target = source.kind === 'path' ? source.path : `${SDK_PACKAGE}@${source.version}`
  const dir = join(cacheRoot, target.replace(/[^A-Za-z0-9.@-]+/g, '_').slice(-100))
  if (
    source.kind === 'registry' &&
    readManifest(join(dir, 'node_modules', SDK_PACKAGE))?.version === source.version
  ) {
    return dir
  }
  rmSync(dir, { recursive: true, force: true })
  try {
    await promisify(execFile)(
      'npm',
      [
        'install',
        '--prefix',
        dir,
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--loglevel=error',
        target,
      ],
      { timeout: 300_000 },
    )
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw new SdkInstallError(`${label}: npm could not install it${npmReason(error)}`)
  }
  return dir
}

function readManifest(packageDir: string): PackageManifest | undefined {
  const path = join(packageDir, 'package.json')
  if (!existsSync(path)) return undefined
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PackageManifest
  } catch {
    return undefined
  }
}

/** npm's own reason, from its stderr: the first error line that is not bookkeeping. */
function npmReason(error: unknown): string {
  const stderr = (error as { stderr?: string }).stderr ?? ''
  const reason = stderr
    .split('\n')
    .filter((line) => /^npm (error|ERR!) /.test(line))
    .map((line) => line.replace(/^npm (error|ERR!)\s*/, ''))
    .find((line) => line !== '' && !/^(code|errno|syscall|path) |A complete log/.test(line))
  return reason === undefined ? '' : ` (${reason})`
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''
}
