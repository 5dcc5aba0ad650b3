/** FNV-1a over a string's UTF-16 code units: a stable 32-bit number for seeds and picks. */
export function fnv1a(text: string, basis = 0x811c9dc5): number {
  let value = basis
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 0x01000193)
  return value | 0
}
