// `npm run report`: builds the Allure 3 report from the last conformance run's results, twice in
// one pass: one HTML file that opens from disk, and the multi-file site for publishing. The
// run-to-run history in `reports/history/` is carried along so the report shows trends.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

import { AllureReport, resolveConfig } from '@allurereport/core'

import { removeAnalytics } from '../suites/support/allure/no-analytics.ts'
import { reportConfig, reportLayout } from '../suites/support/allure/report-config.ts'
import { parseCommandFlags, runMain, shownPath, UsageError } from './lib/cli.ts'

const USAGE = `Usage: npm run report -- [--reports <dir>]

Builds, from <dir>/allure-results/ (which \`npm run conformance\` writes):
  <dir>/allure-report.html   the whole report in one file: open it in a browser, from disk
  <dir>/allure-report/       the same report as a site, for publishing (GitHub Pages);
                             it needs a web server: \`npm run report:open\` serves it
and appends the run to <dir>/history/history.jsonl.
  --reports <dir>   (default reports)
  -h, --help`

async function main(): Promise<number> {
  const { values } = parseFlags()
  const reports = resolve(values.reports)
  const results = join(reports, 'allure-results')
  if (!existsSync(results) || !readdirSync(results).some((name) => name.endsWith('-result.json')))
    throw new UsageError(`no Allure results in ${results}: run \`npm run conformance\` first`)
  mkdirSync(join(reports, 'history'), { recursive: true })

  const layout = reportLayout(reports)
  const config = await resolveConfig(reportConfig(reports), { cwd: reports })
  // A fresh directory: Allure writes into a subfolder when it finds an old report in place.
  rmSync(layout.build, { recursive: true, force: true })
  const report = new AllureReport(config)
  await report.start()
  await report.readDirectory(results)
  await report.done()
  rmSync(layout.site, { recursive: true, force: true })
  renameSync(layout.built.site, layout.site)
  renameSync(layout.built.singleFile, layout.singleFile)
  rmSync(layout.build, { recursive: true, force: true })
  for (const file of [layout.singleFile, join(layout.site, 'index.html')])
    if (!removeAnalytics(file))
      process.stderr.write(
        `warning: ${shownPath(file)} still loads Google's tag manager (Allure's template changed)\n`,
      )

  // `npm run report:open` serves the default folder only.
  const serve =
    layout.site === resolve('reports', 'allure-report')
      ? 'npm run report:open'
      : `npx allure open ${shownPath(layout.site)}`
  process.stdout.write(
    [
      `report: ${shownPath(layout.singleFile)}`,
      `  one file: open it in a browser from disk, e.g. ${pathToFileURL(layout.singleFile).href}`,
      `site:   ${shownPath(join(layout.site, 'index.html'))}`,
      `  for publishing; opened from disk it only spins: serve it (${serve})`,
      '',
    ].join('\n'),
  )
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
