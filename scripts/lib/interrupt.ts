// Ctrl-C (or a CI runner cancelling the job) during a run. Node's default ends the process at once:
// no summary, an empty junit.xml, no Allure results, and a live run's resources left for the next
// run to clean. The first signal lets the work under way finish and the rest be skipped, so the
// reports say what ran and live mode's clean-up removes what it created; a second ends at once.
import type { Reporter, Vitest } from 'vitest/node'

const SIGNALS = ['SIGINT', 'SIGTERM'] as const
/** The shell's convention: 128 and the signal's number. */
const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const

export type Interrupt = {
  /** From now until `dispose`, the first signal calls `cancel` and the second ends the process. */
  start(cancel: () => void): void
  dispose(): void
  interrupted(): boolean
  /** The signal's exit code, if one came. */
  exitCode(): number | undefined
}

/** `finishing` says in the first signal's line what the command does before it stops. */
export function createInterrupt(
  command: string,
  finishing: string,
  write: (line: string) => void = (line) => process.stderr.write(line),
): Interrupt {
  let received: (typeof SIGNALS)[number] | undefined
  const handlers = new Map<string, () => void>()
  return {
    start(cancel) {
      for (const signal of SIGNALS) {
        const handler = () => {
          if (received !== undefined) {
            write(`${command}: ${signal} again: stopped at once\n`)
            process.exit(EXIT_CODES[signal])
          }
          received = signal
          write(`${command}: ${signal}: ${finishing} (${signal} again stops at once)\n`)
          cancel()
        }
        handlers.set(signal, handler)
        process.on(signal, handler)
      }
    },
    dispose() {
      for (const [signal, handler] of handlers) process.off(signal, handler)
      handlers.clear()
    },
    interrupted: () => received !== undefined,
    exitCode: () => (received === undefined ? undefined : EXIT_CODES[received]),
  }
}

/**
 * For a vitest run: a reporter only for the instance it is handed at the start (`onInit`), which
 * it cancels on the first signal. Dispose of it after vitest has closed, so the reports and live
 * mode's clean-up are not cut off either.
 */
export function cancelOnSignal(command: string): Interrupt & { reporter: Reporter } {
  const interrupt = createInterrupt(
    command,
    'finishing the checks under way (the rest are skipped), the reports and the clean-up',
  )
  const reporter: Reporter = {
    onInit(vitest: Vitest) {
      // Vitest's logger has already put a handler here that ends the process at once (its own
      // CLI cancels from the keyboard instead); it would end the run before it is cancelled. Its
      // clean-up still runs on exit.
      for (const signal of SIGNALS)
        for (const listener of process.listeners(signal)) process.off(signal, listener)
      // Once the run is over this changes nothing: what is left is the reports and clean-up.
      interrupt.start(() => void vitest.cancelCurrentRun('keyboard-input'))
    },
  }
  return { ...interrupt, reporter }
}
