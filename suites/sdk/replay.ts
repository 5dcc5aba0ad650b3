// The command that replays one operation of a gate run.
import { seedFlag } from '../engine/seed-flag.ts'

export type GateSettings = {
  seed: number
  runs: number
  sdk?: string
  defaultRuns: number
  /** A live run's endpoint: the replay and the curl lines go there. */
  endpoint?: string
}

export function replayCommand(settings: GateSettings, operationId: string): string {
  const flags = [
    seedFlag(settings.seed),
    `--operations '${operationId}'`,
    ...(settings.runs === settings.defaultRuns ? [] : [`--runs ${settings.runs}`]),
    ...(settings.sdk === undefined ? [] : [`--sdk '${settings.sdk}'`]),
    ...(settings.endpoint === undefined ? [] : ['--target live', `--endpoint '${settings.endpoint}'`]),
  ]
  return `npm run sdk-gate -- ${flags.join(' ')}`
}
