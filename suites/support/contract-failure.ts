/** A failed check. Its message is the whole report; a stack trace would only point at the runner. */
export class ContractFailure extends Error {
  override name = 'ContractFailure'

  constructor(report: string) {
    super(report)
    this.stack = `${this.name}: ${report}`
  }
}
