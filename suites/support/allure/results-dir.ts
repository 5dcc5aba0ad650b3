// One results directory, two writers: `npm run conformance` (through allure-vitest) and
// `npm run sdk-gate` write into the same `allure-results/`, so one report shows both. Each command
// replaces only its own earlier results; the SDK gate's carry a hidden label that says so.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

/** The hidden label (hidden: its name starts with `_`) naming the command that wrote a result. */
export const RUNNER_LABEL = '_runner'
export const SDK_GATE_RUNNER = 'sdk-gate'

type Attached = { attachments?: { source?: string }[]; steps?: Attached[] }
export type ResultFile = Attached & { fullName?: string; labels?: { name: string; value: string }[] }

export function isSdkGateResult(result: ResultFile): boolean {
  return (result.labels ?? []).some(({ name, value }) => name === RUNNER_LABEL && value === SDK_GATE_RUNNER)
}

/** Removes the results `owned` picks, and their attachments; every other file stays. */
export function removeResults(dir: string, owned: (result: ResultFile) => boolean): void {
  for (const [file, result] of results(dir)) {
    if (!owned(result)) continue
    for (const source of attachmentsOf(result)) rmSync(join(dir, source), { force: true })
    rmSync(join(dir, file), { force: true })
  }
}

/** Removes every file but the results `kept` picks and their attachments. */
export function keepOnlyResults(dir: string, kept: (result: ResultFile) => boolean): void {
  const keep = new Set<string>()
  for (const [file, result] of results(dir)) {
    if (!kept(result)) continue
    keep.add(file)
    for (const source of attachmentsOf(result)) keep.add(source)
  }
  if (!existsSync(dir)) return
  for (const file of readdirSync(dir)) {
    if (!keep.has(file)) rmSync(join(dir, file), { recursive: true, force: true })
  }
}

function results(dir: string): [string, ResultFile][] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((file) => file.endsWith('-result.json'))
    .flatMap((file): [string, ResultFile][] => {
      try {
        return [[file, JSON.parse(readFileSync(join(dir, file), 'utf8')) as ResultFile]]
      } catch {
        return []
      }
    })
}

function attachmentsOf(attached: Attached): string[] {
  return [
    ...(attached.attachments ?? []).flatMap(({ source }) => (source === undefined ? [] : [source])),
    ...(attached.steps ?? []).flatMap(attachmentsOf),
  ]
}
