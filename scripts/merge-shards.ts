// `npm run merge-shards`: joins the reports of the shards of one conformance run into the reports of
// the whole run. Exit 0 only when the merged run passed, as `npm run conformance` would have.

import { MergeError, mergeShards } from '../suites/support/shards/merge.ts'
import { parseCommandFlags, reportsDirectory, runMain, shownPath, UsageError } from './lib/cli.ts'

const USAGE = `Usage: npm run merge-shards -- [--reports <dir>] <shard reports dir>...

Joins the reports of every shard of one run (npm run conformance -- --shard i/n --seed <s>
--reports <dir>, i = 1…n) into the reports of the whole run: summary.txt and summary.json,
coverage.json, junit.xml, allure-results/ (one coverage entry) and operation-costs.json.
Each shard must be given exactly once, all of one n and one seed. Then npm run report.
  --reports <dir>   where the merged reports go (default reports)
  -h, --help`

async function main(): Promise<number> {
  const { values, positionals } = parseCommandFlags(
    { reports: { type: 'string', default: 'reports' }, help: { type: 'boolean', short: 'h' } },
    USAGE,
    { allowPositionals: true },
  )
  if (positionals.length === 0) throw new UsageError("give the shards' reports directories (see --help)")
  const out = reportsDirectory(values.reports)
  let merged
  try {
    merged = mergeShards(positionals, out)
  } catch (error) {
    if (error instanceof MergeError) throw new UsageError(error.message)
    throw error
  }
  process.stdout.write(`${merged.summary}\n${merged.coverage === undefined ? '' : `\n${merged.coverage}\n`}`)
  process.stdout.write(`\nmerged ${positionals.length} shards into ${shownPath(out)}\n`)
  return merged.passed ? 0 : 1
}

runMain('merge-shards', main)
