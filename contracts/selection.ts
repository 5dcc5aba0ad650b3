// Which operations a run covers: `seed`, `all`, or a comma list of path prefixes / operation ids.
import type { Operation } from './operations.ts'

/** The five endpoints the project began with, every method of each. */
export const SEED_PATHS = [
  '/user_identities/grant_access_to_device',
  '/user_identities/revoke_access_to_device',
  '/access_grants/create',
  '/acs/entrances/grant_access',
  '/user_identities/add_acs_user',
] as const

export function selectOperations(operations: Operation[], selection: string): Operation[] {
  const terms = selection
    .split(',')
    .map((term) => term.trim())
    .filter((term) => term !== '')
  if (terms.length === 0) throw new Error('operation filter is empty')
  const selected = operations.filter((operation) => terms.some((term) => matches(operation, term)))
  if (selected.length === 0) {
    throw new Error(`operation filter "${selection}" matches no operation in the spec`)
  }
  return selected
}

function matches(operation: Operation, term: string): boolean {
  if (term === 'all') return true
  if (term === 'seed') return (SEED_PATHS as readonly string[]).includes(operation.path)
  if (term === operation.operationId || term.toUpperCase() === operation.id.toUpperCase()) return true
  const prefix = term.startsWith('/') ? term : `/${term}`
  return operation.path.startsWith(prefix)
}
