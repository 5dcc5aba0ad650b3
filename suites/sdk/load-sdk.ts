// Where the SDK under test comes from: the version pinned in package.json, or any npm spec
// (`@seamapi/http@1.2.3`, a tarball, a directory) installed into a cache outside node_modules, so
// the SDK team can gate a release candidate before publishing it.
import { execFile } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

import { type Sdk, sdkFromModule } from './sdk.ts'

const PACKAGE = '@seamapi/http'
const PROJECT_ROOT = resolve(import.meta.dirname, '../..')

/** The SDK's installed package.json: name, version, exports. */
type PackageManifest = { name?: string; version?: string; exports?: Record<string, unknown> }

export async function loadSdk(spec?: string, cacheRoot = join(PROJECT_ROOT, 'reports/.sdk')): Promise<Sdk> {
  const root = spec === undefined ? PROJECT_ROOT : await install(spec, cacheRoot)
  const packageDir = join(root, 'node_modules', PACKAGE)
  const manifestPath = join(packageDir, 'package.json')
  if (!existsSync(manifestPath)) throw new Error(`${spec ?? PACKAGE}: no ${PACKAGE} package installed`)
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as PackageManifest
  if (manifest.name !== PACKAGE)
    throw new Error(`${spec}: installs ${manifest.name ?? 'a package'}, not ${PACKAGE}`)
  const entry = connectEntry(manifest)
  const module = (await import(pathToFileURL(join(packageDir, entry)).href)) as Record<string, unknown>
  return sdkFromModule(`${PACKAGE}@${manifest.version ?? 'unknown'}`, module)
}

function connectEntry(manifest: PackageManifest): string {
  const connect = manifest.exports?.['./connect'] as { import?: { default?: string } | string } | undefined
  const entry = typeof connect?.import === 'string' ? connect.import : connect?.import?.default
  return entry ?? './connect.js'
}

/** Installs `spec` into its own cache directory; exact registry versions are reused, paths reinstalled. */
async function install(spec: string, cacheRoot: string): Promise<string> {
  const local = existsSync(spec)
  const target = local ? resolve(spec) : spec
  const dir = join(cacheRoot, target.replace(/[^A-Za-z0-9.@-]+/g, '_').slice(-100))
  if (!local && existsSync(join(dir, 'node_modules', PACKAGE, 'package.json'))) return dir
  if (!local && !/^@seamapi\/http@\d+\.\d+\.\d+/.test(spec)) {
    throw new Error(`--sdk "${spec}": expected ${PACKAGE}@<version>, a tarball or a directory`)
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
    const stderr = (error as { stderr?: string }).stderr ?? ''
    const reason = stderr
      .split('\n')
      .filter((line) => /^npm (error|ERR!) /.test(line))
      .map((line) => line.replace(/^npm (error|ERR!)\s*/, ''))
      .find((line) => line !== '' && !/^(code|errno|syscall|path) |A complete log/.test(line))
    throw new Error(`--sdk "${spec}": npm could not install it${reason === undefined ? '' : ` (${reason})`}`)
  }
  return dir
}
