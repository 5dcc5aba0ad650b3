// The run's coverage as one entry of the Allure report ("Coverage of the run"), beside the checks:
// the table as its description, the table and coverage.json as attachments.
import { randomUUID } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The coverage entry's full name: one per report (merge-shards replaces the shards' with one). */
export const COVERAGE_FULL_NAME = 'seam-connect-conformance:coverage'

export function writeCoverageResult(resultsDir: string, table: string, json: string): void {
  mkdirSync(resultsDir, { recursive: true })
  const attach = (name: string, type: string, extension: string, content: string) => {
    const source = `${randomUUID()}-attachment.${extension}`
    writeFileSync(join(resultsDir, source), content)
    return { name, source, type }
  }
  const now = Date.now()
  const uuid = randomUUID()
  const result = {
    uuid,
    historyId: 'seam-conformance-coverage',
    testCaseId: 'seam-conformance-coverage',
    name: 'Coverage of the run',
    fullName: COVERAGE_FULL_NAME,
    status: 'passed',
    stage: 'finished',
    description: `\`\`\`\n${table}\n\`\`\``,
    labels: [
      { name: 'epic', value: 'coverage' },
      { name: 'feature', value: 'coverage of the run' },
      { name: 'severity', value: 'trivial' },
    ],
    attachments: [
      attach('coverage.txt', 'text/plain', 'txt', `${table}\n`),
      attach('coverage.json', 'application/json', 'json', json),
    ],
    parameters: [],
    links: [],
    steps: [],
    start: now,
    stop: now,
  }
  writeFileSync(join(resultsDir, `${uuid}-result.json`), JSON.stringify(result))
}
