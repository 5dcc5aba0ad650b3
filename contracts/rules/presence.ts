// The presence rules the spec states in words ("you must specify either a or b", "you can only
// provide one of a or b", "you must also provide b"), each as a check that words the rule it breaks.
import type { Payload } from '../request.ts'
import type { ProseCheck } from './types.ts'

/** Parameters that, all together, are one way to say what a request is about: `['device_id', 'code']`. */
export type Alternative = readonly [string, ...string[]]

/** Present means given a value: a null says "not set" as much as a missing key does. */
export function present(parameters: Payload, name: string): boolean {
  return parameters[name] !== undefined && parameters[name] !== null
}

/** Broken when no alternative is complete: "you must specify either a or both b and c". */
export function requireOne(rule: string, ...alternatives: Alternative[]): ProseCheck {
  return (parameters) =>
    alternatives.some((names) => names.every((name) => present(parameters, name))) ? undefined : rule
}

/** Broken when two of the names are present: "you can only provide one of a or b". */
export function notTogether(rule: string, ...names: [string, string, ...string[]]): ProseCheck {
  return (parameters) => (names.filter((name) => present(parameters, name)).length > 1 ? rule : undefined)
}

/** Broken when `name` is present without `needed`: "if you provide a, you must also provide b". */
export function needs(rule: string, name: string, needed: string): ProseCheck {
  return (parameters) => (present(parameters, name) && !present(parameters, needed) ? rule : undefined)
}

/** The check, only for parameters `applies` to: "required when enabling auto-lock". */
export function when(applies: (parameters: Payload) => boolean, check: ProseCheck): ProseCheck {
  return (parameters, now) => (applies(parameters) ? check(parameters, now) : undefined)
}
