// Peak memory of a process and all its descendants together (Linux: read from /proc), sampled
// every 100 ms while it runs: a conformance run is a runner, its test workers and their children.
import { readdirSync, readFileSync } from 'node:fs'

const PAGE = 4096

/** Starts sampling the tree under `root`; `stop()` gives the peak seen, in MB (0 where /proc is missing). */
export function sampleTreeMemory(root: number): { stop(): number } {
  let peak = 0
  const sample = () => {
    peak = Math.max(peak, treeRss(root))
  }
  const timer = setInterval(sample, 100)
  sample()
  return {
    stop() {
      clearInterval(timer)
      return Math.round(peak / 1024 / 1024)
    },
  }
}

function treeRss(root: number): number {
  const parents = new Map<number, number>()
  let pids: string[]
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name))
  } catch {
    return 0
  }
  for (const pid of pids) {
    try {
      // The command may hold spaces and parentheses: the fields after its closing one are plain.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      parents.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // Gone meanwhile.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let at: number | undefined = pid; at !== undefined && at > 0; at = parents.get(at))
      if (at === root) return true
    return false
  }
  let bytes = 0
  for (const pid of parents.keys()) {
    if (!inTree(pid)) continue
    try {
      bytes += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE
    } catch {
      // Gone meanwhile.
    }
  }
  return bytes
}
