import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import {
  loadDependency,
  loadInstalled,
  loadSdk,
  resolveSdkSpec,
  SdkInstallError,
  SdkLoadError,
} from '../../suites/sdk/load-sdk.ts'

/** A stand-in `@seamapi/http` with one path-keyed method and the error classes, at `file`. */
const STAND_IN = `
export class SeamHttpEndpoints {
  get ['/devices/list']() { return () => Promise.resolve([]) }
}
export class SeamHttpApiError extends Error {}
export class SeamHttpUnauthorizedError extends SeamHttpApiError {}
export class SeamHttpInvalidInputError extends SeamHttpApiError {}
`

/** An install directory holding a stand-in release whose `exports` map is `exports`. */
function installed(version: string, exports: unknown, files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'sdk-load-'))
  const packageDir = join(root, 'node_modules', '@seamapi', 'http')
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(packageDir, file, '..'), { recursive: true })
    writeFileSync(join(packageDir, file), text)
  }
  writeFileSync(
    join(packageDir, 'package.json'),
    JSON.stringify({ name: '@seamapi/http', version, type: 'module', exports }),
  )
  return root
}

describe('loadSdk', () => {
  it('loads the pinned 1.x release, whose ./connect maps through import', async () => {
    const sdk = await loadSdk()
    expect(sdk.name).toBe('@seamapi/http@1.121.0')
    expect(
      sdk.connect({ endpoint: 'http://127.0.0.1:9', credential: { kind: 'api_key', apiKey: 'seam_x' } }).size,
    ).toBeGreaterThan(200)
  })

  it('loads a 2.x release, whose ./connect maps through default to index.js', async () => {
    const sdk = await loadDependency('@seamapi/http-next')
    expect(sdk.name).toBe('@seamapi/http@2.32.0')
    expect(
      sdk.connect({ endpoint: 'http://127.0.0.1:9', credential: { kind: 'api_key', apiKey: 'seam_x' } }).size,
    ).toBeGreaterThan(200)
  })

  it('takes an exact version the project has installed from node_modules, bare or named', async () => {
    expect((await loadSdk('2.32.0')).name).toBe('@seamapi/http@2.32.0')
    expect((await loadSdk('@seamapi/http@1.121.0')).name).toBe('@seamapi/http@1.121.0')
  })
})

describe('loadInstalled, through Node’s resolution of exports', () => {
  it.each([
    ['a plain string', { './connect': './connect.js' }, 'connect.js'],
    ['import', { './connect': { types: './connect.d.ts', import: './connect.js' } }, 'connect.js'],
    ['default', { './connect': { types: './index.d.ts', default: './index.js' } }, 'index.js'],
    [
      'import with nested types and default, beside require',
      {
        './connect': {
          import: { types: './connect.d.ts', default: './connect.js' },
          require: { default: './dist/connect.cjs' },
        },
      },
      'connect.js',
    ],
    [
      'node, then default',
      { './connect': { node: { default: './lib/node.js' }, default: './no.js' } },
      'lib/node.js',
    ],
  ])('resolves ./connect given by %s', async (_label, exports, file) => {
    const root = installed('0.0.1', exports, { [file]: STAND_IN })
    const sdk = await loadInstalled(root)
    expect(sdk.name).toBe('@seamapi/http@0.0.1')
    expect([
      ...sdk.connect({ endpoint: 'http://x', credential: { kind: 'api_key', apiKey: 'k' } }).keys(),
    ]).toEqual(['/devices/list'])
  })

  it('a release that does not export ./connect is a one-line load error', async () => {
    const root = installed('0.0.2', { '.': './index.js' }, { 'index.js': STAND_IN })
    const error = await loadInstalled(root, '--sdk "x"').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(SdkLoadError)
    expect((error as Error).message).toMatch(
      /^--sdk "x": cannot import @seamapi\/http\/connect of @seamapi\/http@0\.0\.2 \(/,
    )
    expect((error as Error).message).not.toContain('\n')
  })

  it('a release without the route map is a load error naming what is missing', async () => {
    const root = installed(
      '0.0.3',
      { './connect': './connect.js' },
      { 'connect.js': 'export const nothing = 1\n' },
    )
    await expect(loadInstalled(root, '--sdk "y"')).rejects.toThrow(
      new SdkLoadError(
        '--sdk "y": @seamapi/http@0.0.3 does not export SeamHttpEndpoints, SeamHttpInvalidInputError, SeamHttpUnauthorizedError, SeamHttpApiError from /connect',
      ),
    )
  })

  it('a directory without @seamapi/http is an install error', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sdk-load-'))
    await expect(loadInstalled(root, '--sdk "z"')).rejects.toBeInstanceOf(SdkInstallError)
  })
})

describe('resolveSdkSpec', () => {
  it('reads versions, names, paths, and refuses another package', async () => {
    expect(await resolveSdkSpec('2.32.0')).toEqual({
      kind: 'dependency',
      dependency: '@seamapi/http-next',
      version: '2.32.0',
    })
    expect(await resolveSdkSpec('@seamapi/http@1.121.0')).toEqual({
      kind: 'dependency',
      dependency: '@seamapi/http',
      version: '1.121.0',
    })
    expect(await resolveSdkSpec('@seamapi/http@1.2.3')).toEqual({ kind: 'registry', version: '1.2.3' })
    expect(await resolveSdkSpec('test/fixtures/sdk-without-endpoints')).toMatchObject({ kind: 'path' })
    const refused = await resolveSdkSpec('left-pad@1.3.0', '--baseline').catch((error: unknown) => error)
    expect((refused as Error).message).toBe(
      '--baseline "left-pad@1.3.0": expected @seamapi/http@<version or dist-tag>, a version, a dist-tag, a tarball or a directory',
    )
    expect(refused).not.toBeInstanceOf(SdkInstallError)
  })
})
