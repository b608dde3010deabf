/** Reads the emulator's opaque QR value (`CGQR1:` + base64url JSON), as the mobile app would. */
import { z } from 'zod'
import { base64DecodeText } from '../encoding'

const qrPayload = z.looseObject({
  v: z.literal(1),
  r: z.string().min(1),
  c: z.string().min(1),
  a: z.string().min(1),
  u: z.string().min(1),
  d: z.string(),
})
export type QrPayload = z.output<typeof qrPayload>

export function decodeQrCode(qrCode: string): QrPayload | null {
  if (!qrCode.startsWith('CGQR1:')) return null
  const json = base64DecodeText(qrCode.slice('CGQR1:'.length))
  if (json === null) return null
  try {
    const result = qrPayload.safeParse(JSON.parse(json))
    return result.success ? result.data : null
  } catch {
    return null
  }
}
