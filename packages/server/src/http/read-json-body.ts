/** Reads a JSON request body with a byte cap (413 beyond it, 400 for anything not JSON). */
import { KitFailure } from './kit-failure'

export const defaultMaxBodyBytes = 16 * 1024

export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN)
  if (Number.isFinite(declared) && declared > maxBytes) throw new KitFailure('payload_too_large')
  if (request.body === null) throw new KitFailure('invalid_input', { fields: ['(body)'] })
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined)
      throw new KitFailure('payload_too_large')
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown
  } catch {
    throw new KitFailure('invalid_input', { fields: ['(body)'] })
  }
}
