// A create is sent to a workspace only where the target can remove what it makes: before the
// suites, each create's undo operation is asked about an ID the run never created. A `404 …_not_found`
// (or any answer but "no such route") says the route is there; a target that lacks it gets no create.
import { randomUUID } from 'node:crypto'

import type { Operation } from '../../contracts/operations.ts'
import { safetyOf } from '../../contracts/safety.ts'
import { judgeAnswer } from '../../contracts/seam-errors.ts'
import type { LiveClient } from './live-client.ts'

/** The paths of the creates among `operations` whose undo the target serves. */
export async function undoableCreates(client: LiveClient, operations: Operation[]): Promise<string[]> {
  const creates = new Map<string, NonNullable<ReturnType<typeof safetyOf>>['undo']>()
  for (const operation of operations) {
    const undo = safetyOf(operation)?.undo
    if (undo !== undefined) creates.set(operation.path, undo)
  }
  const undoable: string[] = []
  for (const [path, undo] of creates) {
    if (undo === undefined) continue
    const answer = await client.call(undo.path, { [undo.idParameter]: randomUUID() })
    const verdict = judgeAnswer(answer, { namesOnlyExistingResources: false })
    if (verdict.kind !== 'operation_missing' && verdict.kind !== 'target_failure') undoable.push(path)
  }
  return undoable.sort()
}
