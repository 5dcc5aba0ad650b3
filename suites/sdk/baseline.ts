// Regression against the previous release: the SDK methods a baseline release had that the candidate
// lost. A lost method fails the gate (check `sdk_coverage`) unless the pinned spec has no operation on
// its path any more either; gained methods are listed. Drift between the candidate and the spec is
// the coverage's business (./checks/sdk-coverage.ts), not this comparison's.
import { buildOperations } from '../../contracts/operations.ts'
import type { Spec } from '../../contracts/spec.ts'
import type { Sdk } from './sdk.ts'

export type BaselineComparison = {
  baseline: string
  candidate: string
  baselineMethods: number
  candidateMethods: number
  /** Methods the baseline had and the candidate lost, with the spec operations still on their path: each fails the gate. */
  lost: LostMethod[]
  /** Lost methods whose path the spec no longer has either: listed, not failing. */
  droppedWithSpec: string[]
  /** Methods the candidate has and the baseline had not. */
  gained: string[]
}

/** A lost method and the spec operations still on its path; `undocumented` when all are `x-undocumented`. */
export type LostMethod = { sdkPath: string; operations: string[]; undocumented: boolean }

/** Builds no request: a client is only asked for its method names. */
const NAMES_ONLY = {
  endpoint: 'http://127.0.0.1:9',
  credential: { kind: 'api_key', apiKey: 'seam_sdk_gate_baseline' },
} as const

export function compareWithBaseline(baseline: Sdk, candidate: Sdk, spec: Spec): BaselineComparison {
  const operations = buildOperations(spec)
  const before = methodNames(baseline)
  const after = methodNames(candidate)
  const lost: BaselineComparison['lost'] = []
  const droppedWithSpec: string[] = []
  for (const sdkPath of before) {
    if (after.has(sdkPath)) continue
    const still = operations.filter((operation) => operation.path === sdkPath)
    if (still.length === 0) droppedWithSpec.push(sdkPath)
    else
      lost.push({
        sdkPath,
        operations: still.map(({ id }) => id),
        undocumented: still.every(({ path, method }) => isUndocumented(spec, path, method)),
      })
  }
  return {
    baseline: baseline.name,
    candidate: candidate.name,
    baselineMethods: before.size,
    candidateMethods: after.size,
    lost,
    droppedWithSpec,
    gained: [...after].filter((sdkPath) => !before.has(sdkPath)),
  }
}

/** Seam marks operations its public docs leave out with `x-undocumented`; 2.x releases dropped their methods. */
function isUndocumented(spec: Spec, path: string, method: string): boolean {
  const operation = spec.document.paths[path]?.[method as 'post'] as Record<string, unknown> | undefined
  return operation?.['x-undocumented'] !== undefined
}

function methodNames(sdk: Sdk): Set<string> {
  return new Set([...sdk.connect(NAMES_ONLY).keys()].sort())
}

/** The comparison for the console and sdk-gate.txt: counts, then every lost and gained method by name. */
export function formatBaseline(comparison: BaselineComparison): string {
  const { lost, droppedWithSpec, gained } = comparison
  const lines = [
    `SDK methods since the baseline (${comparison.baseline} → ${comparison.candidate}):`,
    `  ${comparison.baselineMethods} methods before, ${comparison.candidateMethods} now: ${lost.length + droppedWithSpec.length} lost, ${gained.length} gained`,
  ]
  if (lost.length > 0) {
    const undocumented = lost.filter((method) => method.undocumented).length
    lines.push(
      '',
      `Lost methods whose operation the spec still has (sdk_coverage: each fails the gate${undocumented === 0 ? '' : `; ${undocumented} of ${lost.length} x-undocumented in the spec`}):`,
      ...lost.map(
        ({ sdkPath, operations, undocumented }) =>
          `  ${sdkPath} (${operations.join(', ')}${undocumented ? '; x-undocumented' : ''})`,
      ),
    )
  }
  if (droppedWithSpec.length > 0) {
    lines.push('', 'Lost methods the spec dropped too (not failing):')
    lines.push(...droppedWithSpec.map((sdkPath) => `  ${sdkPath}`))
  }
  if (gained.length > 0) {
    lines.push('', 'Gained methods:')
    lines.push(...gained.map((sdkPath) => `  ${sdkPath}`))
  }
  return lines.join('\n')
}
