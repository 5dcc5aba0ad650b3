// The shards' Allure results in one directory: every result and attachment (their names are UUIDs),
// the run-wide files (environment, executor) of the first shard, and one coverage entry for the
// whole run in place of each shard's.
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

import { COVERAGE_FULL_NAME, writeCoverageResult } from '../allure/coverage-result.ts'
import { isSdkGateResult, keepOnlyResults, removeResults, type ResultFile } from '../allure/results-dir.ts'

export function mergeAllureResults(
  shardDirs: string[],
  out: string,
  coverage?: { table: string; json: string },
) {
  // As a run does: what was there before is replaced, the SDK gate's results excepted.
  keepOnlyResults(out, isSdkGateResult)
  mkdirSync(out, { recursive: true })
  for (const dir of shardDirs) {
    if (!existsSync(dir)) continue
    for (const file of readdirSync(dir)) {
      if (!existsSync(join(out, file))) copyFileSync(join(dir, file), join(out, file))
    }
  }
  removeResults(out, isCoverageResult)
  if (coverage !== undefined) writeCoverageResult(out, coverage.table, coverage.json)
}

function isCoverageResult(result: ResultFile): boolean {
  return result.fullName === COVERAGE_FULL_NAME
}
