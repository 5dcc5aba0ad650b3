// The pinned spec and its model, loaded once per test file.
import { buildOperations, type Operation } from '../../contracts/operations.ts'
import { selectOperations } from '../../contracts/selection.ts'
import { loadSpec } from '../../contracts/spec.ts'
import { createValidators } from '../../contracts/validators.ts'

export const spec = await loadSpec()
export const operations = buildOperations(spec)
export const seedOperations = selectOperations(operations, 'seed')
export const validators = createValidators(spec)

export function operation(id: string): Operation {
  const found = operations.find((candidate) => candidate.id === id)
  if (found === undefined) throw new Error(`no operation ${id}`)
  return found
}
