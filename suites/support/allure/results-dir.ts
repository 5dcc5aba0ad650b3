// One results directory, two writers: `npm run conformance` (through allure-vitest) and
// `npm run sdk-gate` write into the same `allure-results/`, so one report shows both. Each command
// replaces only its own earlier results; the SDK gate's carry a hidden label that says so.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

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
  for (const file of filesOf(results(dir), owned)) rmSync(join(dir, file), { force: true })
}

/** Removes every file but the results `kept` picks and their attachments. */
export function keepOnlyResults(dir: string, kept: (result: ResultFile) => boolean): void {
  const keep = new Set(filesOf(results(dir), kept))
  if (!existsSync(dir)) return
  for (const file of readdirSync(dir)) {
    if (!keep.has(file)) rmSync(join(dir, file), { recursive: true, force: true })
  }
}

/**
 * `keepOnlyResults` without making the run wait for it: reading and removing a whole-API run's
 * 11 000 results took 5 s before vitest started. The directory is set aside at once (a rename)
 * and made afresh; the kept results go back into it, and the rest is removed, while the run goes
 * on. A directory set aside by a run cut short is finished with the same way. Await the promise
 * before reading the directory.
 */
export function keepOnlyResultsAside(dir: string, kept: (result: ResultFile) => boolean): Promise<void> {
  const prefix = `${basename(dir)}.previous-`
  const parent = dirname(dir)
  const asides = existsSync(parent)
    ? readdirSync(parent)
        .filter((name) => name.startsWith(prefix))
        .map((name) => join(parent, name))
    : []
  if (existsSync(dir)) {
    const aside = join(parent, `${prefix}${process.pid}`)
    renameSync(dir, aside)
    asides.push(aside)
  }
  mkdirSync(dir, { recursive: true })
  return (async () => {
    for (const aside of asides) {
      // A result may name an attachment that was never written.
      for (const name of filesOf(await resultsOf(aside), kept))
        if (existsSync(join(aside, name))) renameSync(join(aside, name), join(dir, name))
      await rm(aside, { recursive: true, force: true })
    }
  })()
}

/** Files read at once: each read holds a descriptor open. */
const READ_AT_ONCE = 64

/** `results`, read without holding up the process: a run's reporters go on meanwhile. */
async function resultsOf(dir: string): Promise<[string, ResultFile][]> {
  const files = readdirSync(dir).filter((file) => file.endsWith('-result.json'))
  const read: [string, ResultFile][] = []
  for (let at = 0; at < files.length; at += READ_AT_ONCE) {
    const texts = await Promise.all(
      files.slice(at, at + READ_AT_ONCE).map((file) => readFile(join(dir, file), 'utf8').catch(() => '')),
    )
    texts.forEach((text, index) => read.push(...parsed(files[at + index] as string, () => text)))
  }
  return read
}

function results(dir: string): [string, ResultFile][] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((file) => file.endsWith('-result.json'))
    .flatMap((file) => parsed(file, () => readFileSync(join(dir, file), 'utf8')))
}

/** A result file's name and content; none when it cannot be read as JSON (nor could Allure read it). */
function parsed(file: string, text: () => string): [string, ResultFile][] {
  try {
    return [[file, JSON.parse(text()) as ResultFile]]
  } catch {
    return []
  }
}

/** The files of the results `picked` picks: each result's own, then its attachments. */
function filesOf(read: [string, ResultFile][], picked: (result: ResultFile) => boolean): string[] {
  return read.flatMap(([file, result]) => (picked(result) ? [file, ...attachmentsOf(result)] : []))
}

function attachmentsOf(attached: Attached): string[] {
  return [
    ...(attached.attachments ?? []).flatMap(({ source }) => (source === undefined ? [] : [source])),
    ...(attached.steps ?? []).flatMap(attachmentsOf),
  ]
}
