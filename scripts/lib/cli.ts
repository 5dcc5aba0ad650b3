// What every command-line entry point shares: one-line errors and a non-zero exit, never a stack.

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
