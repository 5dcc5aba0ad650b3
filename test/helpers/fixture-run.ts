// A conformance pass as a user runs it (the CLI in a child process) against a server with a fault
// on each of several seed operations, then `npm run report` over its results: the material the
// report, JUnit and secrecy tests look at.
import type { Fault } from '../../mock/server.ts'
import { FAULTS } from '../fixtures/faults.ts'

/** The first fixture of each operation, composed: each acts on its own operation only. */
export const ONE_FAULT_PER_OPERATION = FAULTS.filter(
  (f, i) => FAULTS.findIndex((other) => other.operation === f.operation) === i,
)

export const compositeFault: Fault = (context) =>
  ONE_FAULT_PER_OPERATION.reduce(
    (response, fixture) => fixture.fault({ ...context, response }),
    context.response,
  )
