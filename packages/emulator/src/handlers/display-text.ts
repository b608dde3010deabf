import { base64DecodeText } from '../encoding'

/**
 * The human text of a `details` value: clients send Base64 (API.md 5.18) or plain text. Base64 is
 * decoded when it decodes to printable UTF-8; anything else is taken as it came.
 */
export function displayText(details: string): string {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(details) || details.length % 4 !== 0) return details
  const decoded = base64DecodeText(details)
  // eslint-disable-next-line no-control-regex
  if (decoded === null || /[\u0000-\u0008\u000e-\u001f\u007f]/.test(decoded)) return details
  return decoded
}
