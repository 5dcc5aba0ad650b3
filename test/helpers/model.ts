// The pinned spec and its model, loaded once per test file.
import { buildOperations, type Operation } from '../../contracts/operations.ts'
import { rulesFor } from '../../contracts/rules/index.ts'
import { selectOperations } from '../../contracts/selection.ts'
import { loadSpec } from '../../contracts/spec.ts'
import { createValidators } from '../../contracts/validators.ts'

export const spec = await loadSpec()
export const operations = buildOperations(spec)
export const seedOperations = selectOperations(operations, 'seed')
/** Every operation whose path has a rule file (contracts/rules/): the seeds and those with prose rules. */
export const ruleOperations = operations.filter((op) => rulesFor(op.path) !== undefined)
export const validators = createValidators(spec)

export function operation(id: string): Operation {
  const found = operations.find((candidate) => candidate.id === id)
  if (found === undefined) throw new Error(`no operation ${id}`)
  return found
}
