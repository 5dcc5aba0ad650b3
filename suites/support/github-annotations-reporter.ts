// On GitHub Actions: a failed test whose error carries no stack frame becomes an error annotation
// of the run, titled with the test and holding its whole report. vitest's own `github-actions`
// reporter annotates only errors it can place at a stack frame, and a ContractFailure has none on
// purpose (its message is the report), so the two together annotate every failure once.
import { relative } from 'node:path'

import type { Reporter, TestModule } from 'vitest/node'

type Annotation = { file: string; title: string; message: string }

export class GithubAnnotationsReporter implements Reporter {
  readonly #write: (text: string) => void

  constructor(write: (text: string) => void = (text) => process.stdout.write(text)) {
    this.#write = write
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    for (const module of testModules)
      for (const test of module.children.allTests('failed'))
        for (const error of test.result().errors ?? [])
          if (!hasStackFrame(error.stack))
            this.#write(
              `\n${annotation({
                file: relative(process.cwd(), module.moduleId),
                title: `[${module.project.name}] ${test.fullName}`,
                message: error.message,
              })}\n`,
            )
  }
}

function hasStackFrame(stack: string | undefined): boolean {
  return stack !== undefined && /\n\s+at /.test(stack)
}

/** A workflow command (`::error file=…,title=…::message`), escaped as GitHub's toolkit does. */
export function annotation({ file, title, message }: Annotation): string {
  const property = (value: string) => escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C')
  return `::error file=${property(file)},title=${property(title)}::${escapeData(message)}`
}

function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
}
