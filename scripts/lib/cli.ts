// What every command-line entry point shares: one-line errors and a non-zero exit, never a stack.
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs'
import { dirname, isAbsolute, relative, resolve } from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'

export class UsageError extends Error {
  override name = 'UsageError'
}

/**
 * Runs a command's main; any error becomes one line on stderr and an exit code: 2, unless the
 * command gives some errors codes of their own (`exitCodeOf`).
 */
export function runMain(
  command: string,
  main: () => Promise<number>,
  exitCodeOf: (error: unknown) => number = () => 2,
): void {
  main().then(
    (code) => exitAfterOutput(code),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error)
      // One line, all of it: Node's own messages go on over several (how to pass '--seed=-1').
      const line = message
        .split('\n')
        .map((part) => part.trim())
        .filter((part) => part !== '')
        .join(' ')
      process.stderr.write(`${command}: ${line}\n`)
      exitAfterOutput(exitCodeOf(error))
    },
  )
}

/**
 * Exits once what was written has left: into a pipe, stdout is written asynchronously, and
 * `process.exit` would cut a long report short.
 */
function exitAfterOutput(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)))
}

/**
 * A command's flags, strictly: an unknown flag, a missing value or a stray argument (unless the
 * command takes arguments: `allowPositionals`) is a UsageError. Every command declares `help`;
 * `-h`/`--help` prints its usage and exits 0.
 */
export function parseCommandFlags<
  const T extends NonNullable<ParseArgsConfig['options']> & { help: { type: 'boolean'; short: 'h' } },
>(options: T, usage: string, { allowPositionals = false }: { allowPositionals?: boolean } = {}) {
  let parsed
  try {
    parsed = parseArgs({ options, allowPositionals, strict: true })
  } catch (error) {
    // Where arguments are taken, Node adds how to pass one that starts with '-': beside the point here.
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '')
    throw new UsageError(`${message} (see --help)`)
  }
  if ((parsed.values as { help?: boolean }).help === true) {
    process.stdout.write(`${usage}\n`)
    process.exit(0)
  }
  return parsed
}

/** The `--reports` directory, created and writable, or a one-line UsageError. */
export function reportsDirectory(path: string): string {
  if (path.trim() === '') throw new UsageError('--reports needs a directory')
  const directory = resolve(path)
  try {
    makeDirectory(directory)
    accessSync(directory, constants.W_OK)
  } catch (error) {
    throw new UsageError(
      `cannot write reports to ${directory}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    )
  }
  return directory
}

/**
 * Creates a directory and its missing parents, one level at a time: Node's recursive mkdir never
 * returns where a parent refuses new entries (under /proc it spins forever), and a tool must not hang.
 */
export function makeDirectory(directory: string): void {
  const missing: string[] = []
  for (let at = resolve(directory); !existsSync(at); at = dirname(at)) {
    missing.unshift(at)
    if (dirname(at) === at) break
  }
  for (const level of missing) mkdirSync(level)
}

/** A path as a command prints it: relative inside the working directory, else as it is. */
export function shownPath(path: string): string {
  const from = relative(process.cwd(), path)
  return from === '' ? '.' : from.startsWith('..') || isAbsolute(from) ? resolve(path) : from
}
