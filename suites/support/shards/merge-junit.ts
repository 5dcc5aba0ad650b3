// The shards' JUnit files as one: each test file's testcases from every shard under one testsuite,
// the counts added up. Testcases are kept as vitest wrote them (failure text, properties, output).
import { XMLBuilder, XMLParser } from 'fast-xml-parser'

const OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  suppressEmptyNode: false,
} as const

/** A node as fast-xml-parser keeps it in document order: its tag's children, and its attributes. */
type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> }

const children = (node: XmlNode, tag: string) => (node[tag] as XmlNode[] | undefined) ?? []

const COUNTS = ['tests', 'failures', 'errors', 'skipped'] as const

export function mergeJunit(files: string[]): string {
  const suites = new Map<string, { attributes: Record<string, string>; cases: XmlNode[] }>()
  const totals = { tests: 0, failures: 0, errors: 0, time: 0 }
  for (const xml of files) {
    const root = (new XMLParser(OPTIONS).parse(xml) as XmlNode[]).find((node) => 'testsuites' in node)
    if (root === undefined) throw new Error('a JUnit file without <testsuites>')
    for (const key of ['tests', 'failures', 'errors', 'time'] as const)
      totals[key] += Number(root[':@']?.[key] ?? 0)
    for (const suite of children(root, 'testsuites').filter((node) => 'testsuite' in node)) {
      const attributes = suite[':@'] ?? {}
      const name = attributes.name ?? ''
      const cases = children(suite, 'testsuite').filter((node) => !('#text' in node))
      const merged = suites.get(name)
      if (merged === undefined) {
        suites.set(name, { attributes: { ...attributes }, cases })
        continue
      }
      for (const key of [...COUNTS, 'time'])
        merged.attributes[key] = decimal(Number(merged.attributes[key] ?? 0) + Number(attributes[key] ?? 0))
      // The earliest shard's start is the merged run's.
      if ((attributes.timestamp ?? '') < (merged.attributes.timestamp ?? ''))
        merged.attributes.timestamp = attributes.timestamp as string
      merged.cases.push(...cases)
    }
  }
  const testsuites: XmlNode[] = [...suites.keys()].sort().map((name) => {
    const { attributes, cases } = suites.get(name) as { attributes: Record<string, string>; cases: XmlNode[] }
    return { testsuite: cases, ':@': attributes }
  })
  const document = [
    { '?xml': [{ '#text': '' }], ':@': { version: '1.0', encoding: 'UTF-8' } },
    {
      testsuites,
      ':@': {
        name: 'vitest tests',
        tests: String(totals.tests),
        failures: String(totals.failures),
        errors: String(totals.errors),
        time: decimal(totals.time),
      },
    },
  ]
  return `${new XMLBuilder({ ...OPTIONS, format: true, indentBy: '    ' }).build(document)}\n`
}

/** Seconds as vitest writes them, without the float noise of adding them up. */
function decimal(value: number): string {
  return String(Number(value.toFixed(9)))
}
