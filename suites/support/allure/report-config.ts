// The Allure 3 report's configuration: where it goes, where its history lives, how it groups
// tests (resource → operation → check) and how it sorts failures.
import { join } from 'node:path'

import type { AllureConfig } from 'allure'

import { CATEGORIES } from './categories.ts'

export function reportConfig(reports: string): AllureConfig {
  return {
    name: 'Seam Connect conformance',
    output: join(reports, 'allure-report'),
    historyPath: join(reports, 'history', 'history.jsonl'),
    // Labels that only say where the tests ran add noise to every test's page.
    hideLabels: ['framework', 'language', 'package', 'thread', 'host', /^_/],
    categories: CATEGORIES.map(({ name, matchers }) => ({ name, matchers })),
    plugins: {
      awesome: {
        options: { reportName: 'Seam Connect conformance', groupBy: ['epic', 'feature'], layout: 'split' },
      },
    },
  }
}
