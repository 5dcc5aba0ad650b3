/** `--seed N` as the commands read it back: a negative seed needs `=`, or it reads as a flag. */
export function seedFlag(seed: number): string {
  return seed < 0 ? `--seed=${seed}` : `--seed ${seed}`
}
