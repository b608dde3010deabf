/**
 * How a phone number is shown: at most the last four digits (shared/reference/anchors-security.md
 * T-E4). The full number never reaches the browser.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  if (digits.length < 6) return '••••'
  return `•••• ${digits.slice(-4)}`
}
