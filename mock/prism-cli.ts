// The real Prism CLI (`@stoplight/prism-cli`, `prism mock -p PORT FILE`) as a child process: started
// on a spec file, ready once it answers HTTP, stopped with its parent. What "a plain Prism mock"
// means for a user, beside the embedded mock, which runs Prism's engine in-process.
import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { connect, createServer } from 'node:net'
import { dirname, join } from 'node:path'

export type PrismCliOptions = {
  /** The OpenAPI document Prism serves (`npm run spec:export` writes the pinned one). */
  specFile: string
  /** 0 or unset: a free port. */
  port?: number
  host?: string
  /** `inherit`: Prism's own log on this terminal; `ignore`: none (tests). */
  output?: 'inherit' | 'ignore'
  /** Prism's log level (`-v`); default `info`, as Prism's own. */
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent'
  /** How long Prism may take to load the spec and answer (it parses 4 MB: ~30 s on a busy machine). */
  readyTimeoutMs?: number
}

export type RunningPrismCli = {
  url: string
  version: string
  /** Settles when Prism exits, for whatever reason. */
  exited: Promise<number | null>
  close(): Promise<void>
}

const require = createRequire(import.meta.url)

export function prismCliVersion(): string {
  return (
    JSON.parse(readFileSync(require.resolve('@stoplight/prism-cli/package.json'), 'utf8')) as {
      version: string
    }
  ).version
}

export async function startPrismCli(options: PrismCliOptions): Promise<RunningPrismCli> {
  const host = options.host ?? '127.0.0.1'
  // Tried before Prism starts: on a port already taken, whatever listens there would pass for Prism.
  const port = await portToListenOn(host, options.port ?? 0)
  const packageJson = require.resolve('@stoplight/prism-cli/package.json')
  const bin = (JSON.parse(readFileSync(packageJson, 'utf8')) as { bin: { prism: string } }).bin.prism
  const args = [join(dirname(packageJson), bin), 'mock', '-h', host, '-p', String(port)]
  args.push('-v', options.logLevel ?? 'info', options.specFile)
  // Piped (below), so Prism's colours stay on only where they would have: this process's terminal.
  const colour = process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}
  // This Node, not whatever `node` is first on PATH: the bin's shebang would pick that one.
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...colour },
  })
  // Prism's log is held back while it starts: a start that fails says why in one line (Prism
  // follows its reason with its whole usage text); a start that works shows it all, then the rest
  // as it comes.
  const shown = options.output !== 'ignore'
  const held = { stdout: '', stderr: '' }
  let starting = true
  for (const name of ['stdout', 'stderr'] as const) {
    child[name].on('data', (chunk: Buffer) => {
      // Bounded, against a Prism that never stops talking; the whole API's routes are some 60 KB.
      if (starting) held[name] = (held[name] + chunk.toString()).slice(0, 1024 * 1024)
      else if (shown) process[name].write(chunk)
    })
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  // Prism must not outlive the process that started it.
  const stopWithParent = () => child.kill('SIGKILL')
  process.once('exit', stopWithParent)
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  const close = async () => {
    process.off('exit', stopWithParent)
    await stop(child, exited)
  }
  try {
    await untilListening({ host, port, url }, exited, options.readyTimeoutMs ?? 120_000, () =>
      reasonOf(held.stdout, held.stderr),
    )
  } catch (error) {
    await close()
    throw error
  }
  starting = false
  if (shown) for (const name of ['stdout', 'stderr'] as const) process[name].write(held[name])
  return { url, version: prismCliVersion(), exited, close }
}

/**
 * Polls until Prism takes connections (it listens once the spec is loaded), Prism exits, or time
 * is up. A connection, not a request: any request Prism cannot route it logs as a red error, and
 * every start showed one.
 */
async function untilListening(
  { host, port, url }: { host: string; port: number; url: string },
  exited: Promise<number | null>,
  timeoutMs: number,
  why: () => string,
): Promise<void> {
  let gone: number | null | undefined
  void exited.then((code) => (gone = code))
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (gone !== undefined) {
      const reason = why()
      throw new Error(
        `prism mock exited (code ${gone}) before it answered${reason === '' ? '' : `: ${reason}`}`,
      )
    }
    if (await accepts(host, port)) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`prism mock did not answer at ${url} within ${timeoutMs} ms`)
}

/**
 * Why Prism gave up, from what it wrote: its fatal log line without the log's prefix (its usage
 * text, which follows, also says "fatal"), else the last line of its errors.
 */
export function reasonOf(stdout: string, stderr: string): string {
  // Without colour codes, should Prism write them.
  const fatal = /✖\s+fatal\s+(.+)/.exec(stdout.replace(/\x1b\[[0-9;]*m/g, ''))?.[1]
  return (fatal ?? stderr.trim().split('\n').at(-1) ?? '').trim()
}

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 1000 })
    const done = (accepted: boolean) => {
      socket.destroy()
      resolve(accepted)
    }
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
    socket.once('timeout', () => done(false))
  })
}

async function stop(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
}

/** The port asked for, once it is found free; 0: a free one. */
function portToListenOn(host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `port ${port} on ${host} is already in use: stop what serves there, or pick another --port`,
            )
          : error,
      ),
    )
    server.listen(port, host, () => {
      const { port: bound } = server.address() as { port: number }
      server.close(() => resolve(bound))
    })
  })
}
