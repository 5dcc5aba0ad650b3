// The embedded mock answers an operation from a pool of eight bodies, so a run meets the same body
// text hundreds of times, and validating it again was a tenth of the positive suite's time. A
// check keeps its verdicts on the texts it met last, by validator. The text fixes the JSON
// (`response.json` is what `response.text` parses to), so a kept verdict is the verdict.
import type { ValidationError, Validate } from '../../contracts/validators.ts'

/** Texts kept: the pipeline's few operations in flight, a pool of bodies each. */
const KEPT_TEXTS = 64

export type KeptValidate = (validate: Validate, text: string, value: () => unknown) => ValidationError[]

/** One per check: what a check validates in a text (all of it, or one property) is its own. */
export function keptVerdicts(size = KEPT_TEXTS): KeptValidate {
  const byText = new Map<string, Map<Validate, ValidationError[]>>()
  return (validate, text, value) => {
    let verdicts = byText.get(text)
    if (verdicts === undefined) {
      // A Map iterates in insertion order: the first key is the text met longest ago.
      if (byText.size >= size) byText.delete(byText.keys().next().value as string)
      verdicts = new Map()
      byText.set(text, verdicts)
    }
    let errors = verdicts.get(validate)
    if (errors === undefined) {
      errors = validate(value())
      verdicts.set(validate, errors)
    }
    return errors
  }
}
