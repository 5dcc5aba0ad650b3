// The embedded mock answers an operation from a pool of eight bodies, so a run meets the same body
// text hundreds of times, and validating it again was a tenth of the positive suite's time. A
// check keeps its verdicts on the texts it met last, by validator. The text fixes the JSON
// (`response.json` is what `response.text` parses to), so a kept verdict is the verdict.
import { recentCache } from '../../contracts/memo.ts'
import type { ValidationError, Validate } from '../../contracts/validators.ts'

/** Texts kept: the pipeline's few operations in flight, a pool of bodies each. */
const KEPT_TEXTS = 64

export type KeptValidate = (validate: Validate, text: string, value: () => unknown) => ValidationError[]

/** One per check: what a check validates in a text (all of it, or one property) is its own. */
export function keptVerdicts(size = KEPT_TEXTS): KeptValidate {
  const byText = recentCache<Map<Validate, ValidationError[]>>(size)
  return (validate, text, value) => {
    const verdicts = byText(text, () => new Map())
    let errors = verdicts.get(validate)
    if (errors === undefined) {
      errors = validate(value())
      verdicts.set(validate, errors)
    }
    return errors
  }
}
