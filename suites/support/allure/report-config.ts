// The Allure 3 report's configuration: where it goes, where its history lives, how it groups
// tests (resource → operation → check) and how it sorts failures.
import { join } from 'node:path'

import type { AllureConfig } from 'allure'

import { CATEGORIES } from './categories.ts'

/**
 * Where a report goes under the reports directory. The same report is built twice in one pass:
 * `site` is the multi-file site for publishing (it loads its data with fetch, so it needs a web
 * server), `singleFile` holds everything in one HTML file that opens from disk. Allure writes both
 * under `build` (one folder per plugin), and `npm run report` moves them to their places.
 */
export function reportLayout(reports: string) {
  const build = join(reports, '.allure-build')
  return {
    build,
    site: join(reports, 'allure-report'),
    singleFile: join(reports, 'allure-report.html'),
    built: { site: join(build, 'site'), singleFile: join(build, 'single', 'index.html') },
  }
}

export function reportConfig(reports: string): AllureConfig {
  const awesome = {
    reportName: 'Seam Connect conformance',
    groupBy: ['epic', 'feature'],
    layout: 'split',
  } as const
  return {
    name: 'Seam Connect conformance',
    output: reportLayout(reports).build,
    historyPath: join(reports, 'history', 'history.jsonl'),
    // Labels that only say where the tests ran add noise to every test's page.
    hideLabels: ['framework', 'language', 'package', 'thread', 'host', /^_/],
    categories: CATEGORIES.map(({ name, matchers }) => ({ name, matchers })),
    plugins: {
      site: { import: '@allurereport/plugin-awesome', options: awesome },
      single: { import: '@allurereport/plugin-awesome', options: { ...awesome, singleFile: true } },
    },
  }
}
