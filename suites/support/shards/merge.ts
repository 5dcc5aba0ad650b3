// `npm run merge-shards`: the reports of the n shards of one run (`--shard i/n`, one seed) as the
// reports of the whole run: summary, coverage.json, JUnit, Allure results and operation costs.
// Every shard must be there exactly once: a report missing a shard would pass for a whole run.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

import { type CoverageReport, mergeCoverageReports, renderCoverage } from '../coverage-report.ts'
import { renderSummary, type SummaryData } from '../summary-reporter.ts'
import { type CostFile, costFileText } from './cost-reporter.ts'
import { mergeAllureResults } from './merge-allure.ts'
import { mergeJunit } from './merge-junit.ts'

export class MergeError extends Error {
  override name = 'MergeError'
}

export type Merged = { summary: string; coverage: string | undefined; passed: boolean }

export function mergeShards(dirs: string[], out: string): Merged {
  if (dirs.length === 0) throw new MergeError('no shard reports given')
  if (dirs.some((dir) => resolve(dir) === resolve(out)))
    throw new MergeError(`the merged reports need a directory of their own, not the shard's ${out}`)
  const summaries = dirs.map(readSummary)
  checkShardsOfOneRun(dirs, summaries)
  mkdirSync(out, { recursive: true })

  const results = summaries.flatMap((summary) => summary.results)
  const errors = summaries.flatMap((summary) => summary.errors)
  const first = summaries[0] as SummaryData
  const runLine = mergedRunLine(first.runLine, summaries.length)
  const summary = renderSummary(results, runLine, errors)
  writeFileSync(join(out, 'summary.txt'), `${summary}\n`)
  const data: SummaryData = { seed: first.seed, shard: undefined, runLine, results, errors }
  writeFileSync(join(out, 'summary.json'), `${JSON.stringify(data, null, 2)}\n`)

  const coverageReports = present(dirs, 'coverage.json').map((file) => readJson<CoverageReport>(file))
  let coverage: { table: string; json: string } | undefined
  if (coverageReports.length > 0) {
    const json = `${JSON.stringify(mergeCoverageReports(coverageReports), null, 2)}\n`
    const file = join(out, 'coverage.json')
    writeFileSync(file, json)
    const shown = relative(process.cwd(), file)
    coverage = { json, table: renderCoverage(JSON.parse(json), shown.startsWith('..') ? file : shown) }
  }

  const junit = present(dirs, 'junit.xml').map((file) => readFileSync(file, 'utf8'))
  if (junit.length > 0) writeFileSync(join(out, 'junit.xml'), mergeJunit(junit))
  mergeAllureResults(
    dirs.map((dir) => join(dir, 'allure-results')),
    join(out, 'allure-results'),
    coverage,
  )
  const costs = present(dirs, 'operation-costs.json').map((file) => readJson<CostFile>(file).ms)
  if (costs.length > 0)
    writeFileSync(join(out, 'operation-costs.json'), costFileText(Object.assign({}, ...costs)))

  const passed = errors.length === 0 && results.every((result) => result.state !== 'failed')
  return { summary, coverage: coverage?.table, passed }
}

function readSummary(dir: string): SummaryData {
  const file = join(dir, 'summary.json')
  if (!existsSync(file))
    throw new MergeError(`${dir}: no summary.json, not the reports of a conformance run with --shard`)
  const summary = readJson<SummaryData>(file)
  if (summary.shard === undefined) throw new MergeError(`${dir}: a run without --shard, not a shard`)
  return summary
}

/** Shards 1 to n of one n, one seed, each once. */
function checkShardsOfOneRun(dirs: string[], summaries: SummaryData[]): void {
  const count = summaries[0]?.shard?.count as number
  const seen = new Map<number, string>()
  for (const [at, { shard, seed }] of summaries.entries()) {
    const dir = dirs[at] as string
    const { index, count: of } = shard as NonNullable<SummaryData['shard']>
    if (of !== count) throw new MergeError(`${dir}: shard ${index}/${of}, but ${dirs[0]} is one of ${count}`)
    if (seed !== summaries[0]?.seed)
      throw new MergeError(`${dir}: seed ${seed}, but ${dirs[0]} ran seed ${summaries[0]?.seed}`)
    const twice = seen.get(index)
    if (twice !== undefined) throw new MergeError(`shard ${index}/${count} given twice: ${twice} and ${dir}`)
    seen.set(index, dir)
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !seen.has(index))
  if (missing.length > 0)
    throw new MergeError(`shard ${missing.map((index) => `${index}/${count}`).join(', ')} missing`)
}

function mergedRunLine(runLine: string, count: number): string {
  if (runLine === '') return ''
  const [first = '', ...rest] = runLine.split('\n')
  return [`${first} · ${count} shards merged`, ...rest].join('\n')
}

function present(dirs: string[], name: string): string[] {
  return dirs.map((dir) => join(dir, name)).filter((file) => existsSync(file))
}

function readJson<T>(file: string): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T
  } catch (error) {
    throw new MergeError(`${file}: ${(error as Error).message}`)
  }
}
