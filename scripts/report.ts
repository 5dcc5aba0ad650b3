// `npm run report`: builds the static Allure 3 report from the last conformance run's results,
// carrying the run-to-run history in `reports/history/` so the report shows trends.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'

import { AllureReport, resolveConfig } from '@allurereport/core'

import { reportConfig } from '../suites/support/allure/report-config.ts'
import { parseCommandFlags, runMain, UsageError } from './lib/cli.ts'

const USAGE = `Usage: npm run report -- [--reports <dir>]

Builds <dir>/allure-report/ (open index.html, or \`npm run report:open\`) from <dir>/allure-results/,
which \`npm run conformance\` writes, and appends the run to <dir>/history/history.jsonl.
  --reports <dir>   (default reports)
  -h, --help`

async function main(): Promise<number> {
  const { values } = parseFlags()
  const reports = resolve(values.reports)
  const results = join(reports, 'allure-results')
  if (!existsSync(results) || !readdirSync(results).some((name) => name.endsWith('-result.json')))
    throw new UsageError(`no Allure results in ${results}: run \`npm run conformance\` first`)
  mkdirSync(join(reports, 'history'), { recursive: true })

  const config = await resolveConfig(reportConfig(reports), { cwd: reports })
  // A fresh directory: Allure writes into a subfolder when it finds the old report in place.
  rmSync(config.output, { recursive: true, force: true })
  const report = new AllureReport(config)
  await report.start()
  await report.readDirectory(results)
  await report.done()
  process.stdout.write(`report: ${join(config.output, 'index.html')}\n`)
  return 0
}

function parseFlags() {
  return parseCommandFlags(
    {
      reports: { type: 'string', default: 'reports' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  )
}

runMain('report', main)
