// Which operations a run covers: `seed`, `all`, or a comma list of path prefixes, operation ids or
// method + path prefix; optionally narrowed to operations carrying one of some tags.
import type { Operation } from './operations.ts'

/** The five endpoints the project began with, every method of each. */
export const SEED_PATHS = [
  '/user_identities/grant_access_to_device',
  '/user_identities/revoke_access_to_device',
  '/access_grants/create',
  '/acs/entrances/grant_access',
  '/user_identities/add_acs_user',
] as const

export function selectOperations(operations: Operation[], selection: string, tags?: string): Operation[] {
  const terms = listOf(selection)
  if (terms.length === 0) throw new Error('operation filter is empty')
  const chosen = new Set(terms.flatMap((term) => matching(operations, term)))
  let selected = operations.filter((operation) => chosen.has(operation))
  if (selected.length === 0) {
    throw new Error(`operation filter "${selection}" matches no operation in the spec`)
  }
  if (tags !== undefined) {
    const wanted = listOf(tags).map(bareTag)
    if (wanted.length === 0) throw new Error('tag filter is empty')
    selected = selected.filter((operation) => operation.tags.some((tag) => wanted.includes(bareTag(tag))))
    if (selected.length === 0) {
      throw new Error(`tag filter "${tags}" matches none of the operations selected by "${selection}"`)
    }
  }
  return selected
}

function listOf(text: string): string[] {
  return text
    .split(',')
    .map((term) => term.trim())
    .filter((term) => term !== '')
}

// The spec writes tags as paths (`/access_grants`); users may write them bare.
function bareTag(tag: string): string {
  return tag.replace(/^\//, '').toLowerCase()
}

/** A term naming one operation exactly (as a replay line does) selects that one alone. */
function matching(operations: Operation[], term: string): Operation[] {
  const exact = operations.filter((operation) => operation.id.toUpperCase() === term.toUpperCase())
  return exact.length > 0 ? exact : operations.filter((operation) => matches(operation, term))
}

function matches(operation: Operation, term: string): boolean {
  if (term === 'all') return true
  if (term === 'seed') return (SEED_PATHS as readonly string[]).includes(operation.path)
  if (term === operation.operationId) return true
  // `DELETE /user_identities` or `delete /user_identities/revoke_access_to_device`
  const methodAndPath = /^([a-z]+)\s+(\/\S*)$/i.exec(term)
  if (methodAndPath !== null) {
    const [, method, path] = methodAndPath as unknown as [string, string, string]
    return method.toLowerCase() === operation.method && operation.path.startsWith(path)
  }
  const prefix = term.startsWith('/') ? term : `/${term}`
  return operation.path.startsWith(prefix)
}
