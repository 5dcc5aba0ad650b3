// The seed suite against the real Prism CLI (`prism mock` on the pinned spec's seed operations, as
// `npm run mock -- --engine prism-cli --seed-endpoints` exports them, started on a free loopback
// port and stopped afterwards) finds exactly the divergences docs/known-divergences.md lists for
// it: a new one, or one that disappears (say, after upgrading Prism), fails here.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type RunningPrismCli, startPrismCli } from '../../mock/prism-cli.ts'
import { writeSpecFile } from '../../scripts/lib/spec-file.ts'
import { PRISM_TIMEOUT_MS } from '../../suites/support/config.ts'
import { conformanceFindings } from '../helpers/conformance.ts'
import { seedOperations } from '../helpers/model.ts'

/** The lines of the Prism section: `- \`check: kind METHOD /path\``. */
function knownDivergences(): string[] {
  const text = readFileSync('docs/known-divergences.md', 'utf8')
  const section = text.split(/^# Known divergences of the real Prism CLI$/m)[1] ?? ''
  return [...section.matchAll(/^- `([a-z_]+: [a-z_]+ [A-Z]+ \/[^`]+)`/gm)]
    .map((match) => match[1] as string)
    .sort()
}

let prism: RunningPrismCli
beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'prism-cli-')), 'openapi.json')
  const { path } = writeSpecFile(file, 'json', seedOperations)
  prism = await startPrismCli({
    specFile: path,
    output: 'ignore',
    logLevel: 'error',
    readyTimeoutMs: 60_000,
  })
}, 80_000)
afterAll(async () => {
  await prism?.close()
})

describe('the seed suite against the real Prism CLI', () => {
  it('finds exactly the known divergences, and ends', async () => {
    // As `npm run conformance -- --mock prism --seed-endpoints --seed 1` does: 100 runs per
    // property, and the 2 s deadline `--mock prism` defaults to.
    const verdicts = await conformanceFindings(prism.url, seedOperations, {
      rules: 'prism',
      seed: 1,
      runs: 100,
      timeoutMs: PRISM_TIMEOUT_MS,
    })
    const found = verdicts.flatMap((verdict) =>
      verdict.type === 'violation'
        ? [`${verdict.check}: ${verdict.category} ${verdict.operation.id}`]
        : verdict.type === 'target_failure'
          ? [`${verdict.check}: target_failure ${verdict.operation.id}`]
          : [],
    )
    expect(knownDivergences().length).toBeGreaterThan(0)
    expect([...new Set(found)].sort()).toEqual(knownDivergences())
  }, 300_000)

  it('refuses a port already taken in one line, instead of taking whoever answers there for Prism', async () => {
    const port = Number(new URL(prism.url).port)
    await expect(startPrismCli({ specFile: 'never-read.json', port, output: 'ignore' })).rejects.toThrow(
      `port ${port} on 127.0.0.1 is already in use`,
    )
  })

  it('stops Prism with the test', async () => {
    await prism.close()
    expect(await prism.exited).not.toBeUndefined()
  })
})
