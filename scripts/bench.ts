// `npm run bench`: the suite's speed, measured on this machine in one run. Prints a table and
// writes reports/bench.json. Numbers, not assertions: nothing here fails because it is slow.
import { fork, spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'

import { parseInteger } from '../contracts/numbers.ts'
import { buildOperations, type Operation } from '../contracts/operations.ts'
import type { GeneratedRequest } from '../contracts/request.ts'
import { selectOperations } from '../contracts/selection.ts'
import { loadSpec } from '../contracts/spec.ts'
import { validatorsOf } from '../contracts/validators.ts'
import type { MockStats } from '../mock/server.ts'
import { PLANS } from '../suites/scenarios/index.ts'
import { createClient } from '../suites/transport/client.ts'
import { DEFAULTS } from '../suites/support/config.ts'
import { MOCK_SECRETS } from '../suites/support/mock-secrets.ts'
import { createEngine } from '../suites/engine/engine.ts'
import { conformancePlan } from '../suites/support/conformance-plan.ts'
import { parseCommandFlags, runMain, UsageError } from './lib/cli.ts'
import { sampleTreeMemory } from './bench/tree-memory.ts'
import { formatTargets, targetRows } from './bench/targets.ts'

const USAGE = `Usage: npm run bench -- [--runs ${DEFAULTS.runs}] [--repeat 3] [--quick]

Measures the suite's speed on this machine, prints a table and writes reports/bench.json.
  --runs <n>     cases per property (default ${DEFAULTS.runs})
  --repeat <n>   passes of the seed suite; the median is kept (default 3)
  --quick        leave out the whole-API measurements (minutes); seed operations only
  --shards       also the whole API as 4 shards (--shard i/4), one after the other: wall time
                 of 1 shard (the whole run) and of the slowest of 4 (many minutes)
  -h, --help`

async function main(): Promise<number> {
  const flags = parseFlags()
  const runs = parseInteger('--runs', flags.runs, { kind: 'positive', error: UsageError })
  const repeat = parseInteger('--repeat', flags.repeat, { kind: 'positive', error: UsageError })
  const concurrency = DEFAULTS.concurrency
  const results: Record<string, unknown> = { machine: machine(), runs, concurrency, repeat }
  const table: [string, string][] = []
  const say = (label: string, value: string) => {
    table.push([label, value])
    process.stderr.write(`  ${label}: ${value}\n`)
  }

  process.stderr.write('mock start (cold, separate processes)…\n')
  const starts = Array.from({ length: repeat }, coldMockStart)
  results.mockStartMs = median(starts)
  say('mock start, cold, to first answer', `${ms(median(starts))} (median of ${repeat})`)

  const spec = await loadSpec()
  const all = buildOperations(spec)
  const selections: [string, Operation[], number][] = [['seed', selectOperations(all, 'seed'), repeat]]
  if (flags.quick !== true) selections.push(['all', all, 1])

  for (const [name, operations, times] of selections) {
    process.stderr.write(`${name} operations (${operations.length}) in-process, ${times}×…\n`)
    const mock = await startMockProcess()
    // Warm the mock (JIT, lazy schema compilation, body pools) with the requests the suite will
    // send, so neither side of the comparison pays for it alone. The whole API warms with one case
    // per scenario: what is lazy is per operation, and a full pass more took some eight minutes.
    const warmUp = await enginePass(mock, operations, name === 'all' ? 1 : runs, concurrency)
    await replay(mock.url, warmUp.sent, concurrency)
    const samples = []
    for (let i = 0; i < times; i++) samples.push(await enginePass(mock, operations, runs, concurrency))
    const { sent: _sent, ...best } = samples.toSorted((a, b) => a.wallMs - b.wallMs)[
      Math.floor(samples.length / 2)
    ] as EnginePass
    results[name] = best
    say(
      `${name}: cases/s (suite)`,
      `${rate(best.cases, best.wallMs)} (${best.cases} cases, ${best.requests} requests, ${ms(best.wallMs)})`,
    )
    say(
      `${name}: requests/s suite vs bare replay`,
      `${rate(best.requests, best.wallMs)} vs ${rate(best.requests, best.bareMs)} → ratio ${(best.bareMs / best.wallMs).toFixed(2)}`,
    )
    say(
      `${name}: time in generation / transport / mock / checks`,
      [best.generationMs, best.transportMs, best.mockBusyMs, best.checksMs].map(ms).join(' / '),
    )
    process.stderr.write(`${name} end to end (npm run conformance, vitest and mock start included)…\n`)
    const e2e = []
    for (let i = 0; i < times; i++) e2e.push(await endToEnd(name, runs))
    results[`${name}EndToEndMs`] = median(e2e.map((run) => run.wallMs))
    results[`${name}EndToEndPeakMb`] = Math.max(...e2e.map((run) => run.peakMb))
    say(
      `${name}: npm run conformance, wall`,
      `${ms(median(e2e.map((run) => run.wallMs)))} (median of ${times})`,
    )
    say(
      `${name}: npm run conformance, peak memory of all its processes`,
      `${results[`${name}EndToEndPeakMb`]} MB`,
    )
    if (name === 'seed') {
      // The same command against a server of its own (the mock in its own process), over real HTTP.
      const before = (await mock.stats()).requests
      const external = await endToEnd(name, runs, mock.url)
      const requests = (await mock.stats()).requests - before
      results.seedExternal = { wallMs: external.wallMs, requests }
      say(
        'seed: npm run conformance --endpoint (mock process), requests/s over its wall',
        rate(requests, external.wallMs),
      )
    }
    mock.close()
  }
  // A failure: the seed suite against a mock that breaks one rule a property must shrink to find.
  process.stderr.write('seed operations against a faulty mock (time to a shrunk failure)…\n')
  const faulty = await startMockProcess('scripts/bench/faulty-mock.ts')
  const failing = await endToEnd('seed', runs, faulty.url)
  faulty.close()
  if (!failing.failed) throw new Error('npm run conformance passed a mock with a fault')
  results.failureVerdictMs = failing.wallMs
  say('seed against a faulty mock: npm run conformance to its shrunk report', ms(failing.wallMs))
  if (flags.shards === true) {
    process.stderr.write('all operations as 1 shard, then as 4 shards one after the other…\n')
    const whole = (await endToEnd('all', runs)).wallMs
    const shards: number[] = []
    for (const index of [1, 2, 3, 4])
      shards.push((await endToEnd('all', runs, undefined, ['--shard', `${index}/4`])).wallMs)
    results.shardsEndToEndMs = { one: whole, ofFour: shards }
    say(
      'all: 1 shard / slowest of 4, wall',
      `${ms(whole)} / ${ms(Math.max(...shards))} (4 shards: ${shards.map(ms).join(', ')})`,
    )
  }
  // The SDK gate, as CI runs it (the pinned SDK; the whole API unless --quick), by its own timing line.
  const gateOperations = flags.quick === true ? 'seed' : 'all'
  process.stderr.write(`SDK gate, ${gateOperations} operations (npm run sdk-gate)…\n`)
  const gate = sdkGate(gateOperations)
  results.sdkGate = gate
  say(
    `sdk gate (${gateOperations}): wall / CPU, its timing line`,
    `${ms(gate.wallMs)} / ${ms(gate.cpuMs)} (${gate.operations} operations, ${gate.calls} calls; whole command ${ms(gate.commandMs)})`,
  )
  results.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024)
  say('peak memory (this process)', `${results.peakRssMb} MB`)

  const targets = targetRows({
    seedEndToEndMs: results.seedEndToEndMs as number,
    seedExternalRequestsPerSecond: rateOf(results.seedExternal as { wallMs: number; requests: number }),
    allEndToEndMs: results.allEndToEndMs as number | undefined,
    allPeakTreeMb: results.allEndToEndPeakMb as number | undefined,
    failureVerdictMs: results.failureVerdictMs as number,
    seedRatio: ratioOf(results.seed as EnginePass),
    allRatio: ratioOf(results.all as EnginePass | undefined),
  })
  results.targets = targets
  ;(results.machine as Record<string, unknown>).loadAverageAfter = loadavg().map((load) =>
    Number(load.toFixed(2)),
  )
  mkdirSync('reports', { recursive: true })
  writeFileSync('reports/bench.json', `${JSON.stringify(results, null, 2)}\n`)
  const width = Math.max(...table.map(([label]) => label.length))
  process.stdout.write(`\nSeam conformance benchmark (${runs} runs per property, ${concurrency} in flight)\n`)
  for (const [label, value] of table) process.stdout.write(`${label.padEnd(width)}  ${value}\n`)
  const { loadAverage, loadAverageAfter } = results.machine as Record<string, number[]>
  process.stdout.write(
    `\nTargets (issue 17), load average ${loadAverage?.join(' ')} at the start, ${loadAverageAfter?.join(' ')} at the end\n`,
  )
  process.stdout.write(`${formatTargets(targets)}\n`)
  process.stdout.write('written to reports/bench.json\n')
  return 0
}

type EnginePass = {
  wallMs: number
  bareMs: number
  cases: number
  requests: number
  failures: number
  generationMs: number
  transportMs: number
  checksMs: number
  mockBusyMs: number
  sent: GeneratedRequest[]
}

/** One pass of every suite over the operations, then a bare replay of the same requests, both
 * against the mock in its own process. */
async function enginePass(
  mock: MockProcess,
  operations: Operation[],
  runs: number,
  concurrency: number,
): Promise<EnginePass> {
  const auth = MOCK_SECRETS
  const client = createClient({ endpoint: mock.url, auth, timeoutMs: 10_000, connections: concurrency })
  const sent: GeneratedRequest[] = []
  const busyBefore = (await mock.stats()).busyMs
  // The validators a suite worker builds once and keeps: the warm-up pass pays for compiling them,
  // as it does for the mock's.
  const validators = validatorsOf(await loadSpec())
  const started = performance.now()
  const settings = { seed: 1, runs, concurrency, rules: 'seam' as const, auth }
  const send = (request: GeneratedRequest) => {
    sent.push(request)
    return client.send(request)
  }
  // The suites one after the other, each through the engine exactly as its suite file runs it.
  const run = { cases: 0, failures: 0, generationMs: 0, transportMs: 0, checksMs: 0 }
  for (const planFor of Object.values(PLANS)) {
    const plan = conformancePlan(planFor, operations, settings, validators, send)
    const totals = await createEngine(plan, (event) => {
      if (event.type === 'violation' || event.type === 'target_failure') run.failures++
    }).run()
    run.cases += totals.cases
    for (const key of ['generationMs', 'transportMs', 'checksMs'] as const) run[key] += totals.timings[key]
  }
  const wallMs = performance.now() - started
  const mockBusyMs = (await mock.stats()).busyMs - busyBefore
  await client.close()
  const bareMs = await replay(mock.url, sent, concurrency)
  return {
    wallMs,
    bareMs,
    cases: run.cases,
    requests: sent.length,
    failures: run.failures,
    generationMs: run.generationMs,
    transportMs: run.transportMs,
    checksMs: run.checksMs,
    mockBusyMs,
    sent,
  }
}

/** The same requests, no generation, no checks, the same pool size. */
async function replay(endpoint: string, requests: GeneratedRequest[], concurrency: number): Promise<number> {
  const auth = MOCK_SECRETS
  const client = createClient({ endpoint, auth, timeoutMs: 10_000, connections: concurrency })
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests.length) await client.send(requests[next++] as GeneratedRequest)
    }),
  )
  const elapsed = performance.now() - started
  await client.close()
  return elapsed
}

type MockProcess = Awaited<ReturnType<typeof startMockProcess>>

async function startMockProcess(script = 'scripts/bench/mock-server.ts') {
  const child = fork(script, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
  const next = <T>() => new Promise<T>((resolve) => child.once('message', (message) => resolve(message as T)))
  const { url } = await next<{ url: string }>()
  return {
    url,
    stats: async () => {
      const reply = next<{ stats: MockStats }>()
      child.send('stats')
      return (await reply).stats
    },
    close: () => child.send('close'),
  }
}

function coldMockStart(): number {
  const child = spawnSync(process.execPath, ['scripts/bench/mock-start.ts'], { encoding: 'utf8' })
  if (child.status !== 0) throw new Error(`mock start failed: ${child.stderr.split('\n')[0]}`)
  return (JSON.parse(child.stdout) as { ms: number }).ms
}

/** One `npm run conformance`: its wall time, and the peak memory of all its processes together. */
async function endToEnd(operations: string, runs: number, endpoint?: string, extra: string[] = []) {
  const reports = mkdtempSync(join(tmpdir(), 'bench-'))
  const args = ['--operations', operations, '--runs', String(runs), '--seed', '1', '--reports', reports]
  const started = performance.now()
  const child = spawn(
    process.execPath,
    [
      'scripts/conformance.ts',
      ...args,
      ...(endpoint === undefined ? [] : ['--endpoint', endpoint]),
      ...extra,
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      // A server of its own needs credentials: the mock's, which it accepts.
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ...(endpoint === undefined ? {} : { SEAM_API_KEY: MOCK_SECRETS.apiKey }),
      },
    },
  )
  const memory = sampleTreeMemory(child.pid as number)
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const status = await new Promise<number | null>((done) => child.on('close', done))
  const wallMs = performance.now() - started
  const peakMb = memory.stop()
  if (status === 2 || readFileSync(join(reports, 'summary.txt'), 'utf8') === '') {
    throw new Error(`npm run conformance failed to run: ${stderr.split('\n')[0]}`)
  }
  return { wallMs, peakMb, failed: status === 1 }
}

/** One `npm run sdk-gate` with the pinned SDK; what its timing line says, and the whole command's wall time. */
function sdkGate(operations: string) {
  const reports = mkdtempSync(join(tmpdir(), 'bench-gate-'))
  const started = performance.now()
  const child = spawnSync(
    process.execPath,
    ['scripts/sdk-gate.ts', '--operations', operations, '--seed', '1', '--reports', reports],
    {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
      maxBuffer: 64 * 1024 * 1024,
    },
  )
  const commandMs = performance.now() - started
  const line = /(\d+) operations called through the SDK \((\d+) calls, ([\d.]+) s, ([\d.]+) s CPU\)/.exec(
    child.stdout,
  )
  if (child.status === null || child.status > 1 || line === null)
    throw new Error(`npm run sdk-gate failed to run: ${child.stderr.split('\n')[0]}`)
  const [, ops, calls, wall, cpu] = line
  return {
    operations: Number(ops),
    calls: Number(calls),
    wallMs: Number(wall) * 1000,
    cpuMs: Number(cpu) * 1000,
    commandMs,
    passed: child.status === 0,
  }
}

function machine() {
  const loadAverage = loadavg().map((load) => Number(load.toFixed(2)))
  return {
    node: process.version,
    cpus: navigator.hardwareConcurrency,
    platform: process.platform,
    loadAverage,
  }
}

function rateOf(run: { wallMs: number; requests: number } | undefined): number | undefined {
  return run === undefined ? undefined : run.requests / (run.wallMs / 1000)
}

function ratioOf(pass: EnginePass | undefined): number | undefined {
  return pass === undefined ? undefined : pass.bareMs / pass.wallMs
}

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`
}

function rate(count: number, elapsedMs: number): string {
  return `${Math.round(count / (elapsedMs / 1000))}/s`
}

function parseFlags() {
  return parseCommandFlags(
    {
      runs: { type: 'string', default: String(DEFAULTS.runs) },
      repeat: { type: 'string', default: '3' },
      quick: { type: 'boolean' },
      shards: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  ).values
}

runMain('bench', main)
