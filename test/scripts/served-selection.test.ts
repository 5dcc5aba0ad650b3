// `npm run mock -- --engine prism-cli --spec <file>` prints the conformance command that checks what
// the file serves: its operations of the pinned spec, not the seed endpoints it may not have.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'

import { pinnedDocument } from '../../contracts/spec.ts'
import { selectedOperationKeys, servedSelection, writeSpecFile } from '../../scripts/lib/spec-file.ts'

const dir = mkdtempSync(join(tmpdir(), 'served-'))
const file = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

describe('servedSelection', () => {
  it('names each operation a file serves, by method and path, leaving out what the pinned spec lacks', async () => {
    const paths = {
      '/devices/list': { post: {}, get: {} },
      '/locks/unlock_door': { post: {} },
      '/not/in/the/pinned/spec': { post: {} },
    }
    const yaml = file('some.yaml', stringify({ openapi: '3.0.0', paths }))
    expect(await servedSelection(yaml)).toBe('GET /devices/list,POST /devices/list,POST /locks/unlock_door')
  })

  it('is seed for the seed endpoints, and nothing (the default) for the whole pinned spec', async () => {
    expect(
      await servedSelection(
        writeSpecFile(join(dir, 'seed.json'), 'json', await selectedOperationKeys('seed')).path,
      ),
    ).toBe('seed')
    expect(await servedSelection(file('all.json', JSON.stringify(pinnedDocument())))).toBeUndefined()
  })

  it('is nothing for a file it cannot read or that serves none of the pinned operations', async () => {
    expect(await servedSelection(join(dir, 'missing.json'))).toBeUndefined()
    expect(await servedSelection(file('broken.json', '{"paths": {'))).toBeUndefined()
    expect(
      await servedSelection(file('other.json', '{"paths": {"/elsewhere": {"get": {}}}}')),
    ).toBeUndefined()
  })
})
