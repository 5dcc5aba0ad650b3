// Writes each Allure file as it is, once. allure-js-commons' own writer syncs every file to disk
// through a temporary one, which made a thousand results take seconds; a report is built from them
// later, and a run that dies while writing is run again.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { stringifyEnvInfo, type Writer } from 'allure-js-commons/sdk/reporter'

export function plainWriter(resultsDir: string): Writer {
  mkdirSync(resultsDir, { recursive: true })
  const write = (name: string, content: string | Buffer) => writeFileSync(join(resultsDir, name), content)
  return {
    writeResult: (result) => write(`${result.uuid}-result.json`, JSON.stringify(result)),
    writeGroup: (group) => write(`${group.uuid}-container.json`, JSON.stringify(group)),
    writeAttachment: (name, content) => write(name, content),
    writeAttachmentFromPath: (name, from) => copyFileSync(from, join(resultsDir, name)),
    writeEnvironmentInfo: (info) => write('environment.properties', stringifyEnvInfo(info)),
    writeCategoriesDefinitions: (categories) => write('categories.json', JSON.stringify(categories)),
    writeGlobals: (name, globals) => write(name, JSON.stringify(globals)),
  }
}
