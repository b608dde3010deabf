/** Strips what people paste around codes (spaces, dashes, dots, NBSP...) and keeps digits only. */
export function digitsOnly(text: string): string {
  return text.replace(/\D+/g, '')
}

/** Splits a code into groups of `size` for display (`47193821` -> `['4719', '3821']`). */
export function groupDigits(text: string, size = 4): string[] {
  const groups: string[] = []
  for (let index = 0; index < text.length; index += size)
    groups.push(text.slice(index, index + size))
  return groups
}

/** A digit-by-digit reading for screen readers: `4719` -> `4 7 1 9`. */
export function spellDigits(text: string): string {
  return groupDigits(text)
    .map((group) => group.split('').join(' '))
    .join(', ')
}
