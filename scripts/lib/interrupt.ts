// Ctrl-C (or a CI runner cancelling the job) during a run. Node's default ends the process at once:
// no summary, an empty junit.xml, no Allure results, and a live run's resources left for the next
// run to clean. The first signal lets the checks under way finish and the rest be skipped, so the
// reports say what ran and live mode's teardown removes what it created; a second ends at once.
import type { Reporter, Vitest } from 'vitest/node'

const SIGNALS = ['SIGINT', 'SIGTERM'] as const
/** The shell's convention: 128 and the signal's number. */
const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const

/**
 * A reporter only for the vitest instance it is handed at the start (`onInit`): it cancels that
 * run on the first signal. The handlers stay until `dispose`, after vitest has closed, so the
 * reports and live mode's clean-up are not cut off either. `exitCode` is the signal's if one came.
 */
export function cancelOnSignal(
  command: string,
  write: (line: string) => void = (line) => process.stderr.write(line),
): { reporter: Reporter; dispose: () => void; exitCode: () => number | undefined } {
  const interrupted: { signal?: (typeof SIGNALS)[number] } = {}
  const handlers = new Map<string, () => void>()
  const reporter: Reporter = {
    onInit(vitest: Vitest) {
      for (const signal of SIGNALS) {
        // Vitest's logger has already put a handler here that ends the process at once (its own
        // CLI cancels from the keyboard instead); it would end the run before it is cancelled. Its
        // clean-up still runs on exit.
        for (const listener of process.listeners(signal)) process.off(signal, listener)
        const handler = () => {
          if (interrupted.signal !== undefined) {
            write(`${command}: ${signal} again: stopped at once\n`)
            process.exit(EXIT_CODES[signal])
          }
          interrupted.signal = signal
          write(
            `${command}: ${signal}: finishing the checks under way (the rest are skipped), the reports and the clean-up (${signal} again stops at once)\n`,
          )
          // Once the run is over this changes nothing: what is left is the reports and clean-up.
          void vitest.cancelCurrentRun('keyboard-input')
        }
        handlers.set(signal, handler)
        process.on(signal, handler)
      }
    },
  }
  return {
    reporter,
    dispose: () => {
      for (const [signal, handler] of handlers) process.off(signal, handler)
      handlers.clear()
    },
    exitCode: () => (interrupted.signal === undefined ? undefined : EXIT_CODES[interrupted.signal]),
  }
}
