// How a long-running command (`npm run mock`, `npm run fake`) knows to stop: Ctrl-C, a signal, or
// the process that started it going away. `npm run` starts the command through `sh -c`; a SIGTERM
// sent to npm ends npm and the shell but never reaches node, which was left serving, with the Prism
// CLI it started, under init. So the parent is watched too.

/** How often the parent is looked for. */
const PARENT_CHECK_MS = 1000

/** Settles on SIGINT, SIGTERM or SIGHUP, or once this process's parent has exited. */
export function untilStopped(checkEveryMs = PARENT_CHECK_MS): Promise<string> {
  const parent = process.ppid
  return new Promise((resolve) => {
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
    const stop = (reason: string) => {
      clearInterval(watch)
      for (const signal of signals) process.off(signal, onSignal)
      resolve(reason)
    }
    const onSignal = (signal: string) => stop(signal)
    for (const signal of signals) process.once(signal, onSignal)
    // A process whose parent exits is handed to another (init or a subreaper): its ppid changes.
    const watch = setInterval(() => {
      if (process.ppid !== parent) stop('parent exited')
    }, checkEveryMs)
    // The watch alone never keeps the process running (say, after Prism exited on its own).
    watch.unref()
  })
}
