import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { readJson } from '../../contracts/json.ts'

describe('readJson', () => {
  it('reads any JSON text to its value', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(readJson(text)).toEqual({ json: JSON.parse(text) })
      }),
    )
  })

  it('keeps a JSON null, false or 0 as the value', () => {
    expect(readJson('null')).toEqual({ json: null })
    expect(readJson('false')).toEqual({ json: false })
    expect(readJson(' 0 ')).toEqual({ json: 0 })
  })

  it('has no value for an empty or malformed body, and never throws', () => {
    expect(readJson('')).toEqual({})
    expect(readJson('{"ok":')).toEqual({})
    expect(readJson('<html>502 Bad Gateway</html>')).toEqual({})
    expect('json' in readJson('   ')).toBe(false)
  })
})
