// What every command-line entry point shares: one-line errors and a non-zero exit, never a stack.
import { parseArgs, type ParseArgsConfig } from 'node:util'

export class UsageError extends Error {
  override name = 'UsageError'
}

/** Runs a command's main; any error becomes one line on stderr and exit code 2. */
export function runMain(command: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error)
      process.stderr.write(`${command}: ${message.split('\n')[0]}\n`)
      process.exit(2)
    },
  )
}

/** A command's flags, strictly: an unknown flag, a missing value or a stray argument is a UsageError. */
export function parseCommandFlags<const T extends NonNullable<ParseArgsConfig['options']>>(options: T) {
  try {
    return parseArgs({ options, allowPositionals: false, strict: true })
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (see --help)`)
  }
}
