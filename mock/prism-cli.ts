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
  // This Node, not whatever `node` is first on PATH: the bin's shebang would pick that one.
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', options.output ?? 'inherit', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000)
    if (options.output !== 'ignore') process.stderr.write(chunk)
  })
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
    await untilListening({ host, port, url }, exited, options.readyTimeoutMs ?? 120_000, () => stderr)
  } catch (error) {
    await close()
    throw error
  }
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
  stderr: () => string,
): Promise<void> {
  let gone: number | null | undefined
  void exited.then((code) => (gone = code))
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (gone !== undefined) {
      const last = stderr().trim().split('\n').at(-1) ?? ''
      throw new Error(`prism mock exited (code ${gone}) before it answered${last === '' ? '' : `: ${last}`}`)
    }
    if (await accepts(host, port)) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`prism mock did not answer at ${url} within ${timeoutMs} ms`)
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
