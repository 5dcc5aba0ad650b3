// Where the spec states a rule in words: every operation's description and the descriptions of its
// parameters (query parameters, and body properties at any depth) matched against the phrases that
// state a constraint. The rules test holds every statement found to a rule file or to the reviewed
// list of statements that are not rules (./not-rules.ts).
import type { OpenAPIV3 } from 'openapi-types'

import type { JsonSchema } from '../json-schema.ts'
import { HTTP_METHODS, type Spec } from '../spec.ts'

/** One description that states a constraint, by the phrase that gave it away. */
export type ProseStatement = {
  /** `GET /devices/get` */
  operation: string
  path: string
  /** `description`, or the parameter's name: dotted for nested properties, `[]` for array items. */
  where: string
  phrase: string
  text: string
}

/**
 * The phrases that state a constraint between parameters or on a value, in the spec's own wording.
 * Broad on purpose: a phrase that is no rule goes on the reviewed list with its reason.
 */
export const CONSTRAINT_PHRASES: RegExp[] = [
  /\byou must\b/i,
  /\bmust (?:specify|include|provide|set|also|be (?:a time|after|before|set to|in the))\b/i,
  /\beither\b/i,
  /\bneither\b/i,
  /\bone of\b/i,
  /\bat least one\b/i,
  /\bat most one\b/i,
  /\bexactly one\b/i,
  /\bonly one\b/i,
  /\bcan only\b/i,
  /\bmay only\b/i,
  /\bcannot\b|\bcan ?not\b|\bcan't\b/i,
  /\brequired (?:if|when|unless|with)\b/i,
  /\bonly (?:if|when)\b/i,
  /\bonly applicable\b/i,
  /\bmutually exclusive\b/i,
  /\bnot both\b/i,
  /\b(?:the )?combination of\b/i,
  /\bin combination with\b/i,
  /\btogether with\b/i,
  /\bif you (?:specify|provide|set|pass|include)\b/i,
]

/** Every description of the spec's operations that states a constraint, in path and method order. */
export function scanProse(spec: Spec): ProseStatement[] {
  const found: ProseStatement[] = []
  for (const [path, item] of Object.entries(spec.dereferenced.paths)) {
    for (const method of HTTP_METHODS) {
      const op = item?.[method]
      if (op === undefined) continue
      const operation = `${method.toUpperCase()} ${path}`
      for (const [where, text] of descriptions(op)) {
        const phrase = CONSTRAINT_PHRASES.map((pattern) => pattern.exec(text)?.[0]).find(Boolean)
        if (phrase !== undefined) found.push({ operation, path, where, phrase, text })
      }
    }
  }
  return found
}

function descriptions(op: OpenAPIV3.OperationObject): [string, string][] {
  const out: [string, string][] = []
  if (op.description !== undefined) out.push(['description', op.description])
  for (const parameter of (op.parameters ?? []) as OpenAPIV3.ParameterObject[]) {
    if (parameter.in !== 'query') continue
    const schema = parameter.schema as JsonSchema | undefined
    for (const text of new Set([parameter.description, schema?.description])) {
      if (typeof text === 'string') out.push([parameter.name, text])
    }
  }
  const body = (op.requestBody as OpenAPIV3.RequestBodyObject | undefined)?.content['application/json']
  if (body?.schema !== undefined) propertyDescriptions(body.schema as JsonSchema, '', out, new Set())
  // A property described alike in several oneOf branches is one statement.
  return [
    ...new Map(out.map(([where, text]) => [`${where}\n${text}`, [where, text] as [string, string]])).values(),
  ]
}

// Body properties at any depth, through oneOf/anyOf/allOf branches (which add nothing to the name)
// and array items; a schema that contains itself is walked once.
function propertyDescriptions(
  schema: JsonSchema,
  at: string,
  out: [string, string][],
  ancestors: Set<JsonSchema>,
): void {
  if (ancestors.has(schema)) return
  const inside = new Set([...ancestors, schema])
  if (at !== '' && typeof schema.description === 'string') out.push([at, schema.description])
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    propertyDescriptions(property, at === '' ? name : `${at}.${name}`, out, inside)
  }
  for (const branch of [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])]) {
    propertyDescriptions(branch, at, out, inside)
  }
  if (schema.items !== undefined) propertyDescriptions(schema.items, `${at}[]`, out, inside)
}
