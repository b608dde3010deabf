/** Reads a JSON request body with a byte cap (413 beyond it, 400 for anything not JSON). */
import { KitFailure } from './kit-failure'

export const defaultMaxBodyBytes = 16 * 1024

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** The body bytes of a Web `Request`, refusing more than `maxBytes` without reading them all. */
export async function readRequestBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
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
  if (chunks.length === 1) return chunks[0]!
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

/** Parses body bytes as UTF-8 JSON; more than `maxBytes` is a 413 (adapters keep cap + 1 bytes). */
export function parseJsonBody(bytes: Uint8Array, maxBytes: number): unknown {
  if (bytes.byteLength > maxBytes) throw new KitFailure('payload_too_large')
  try {
    return JSON.parse(utf8.decode(bytes)) as unknown
  } catch {
    throw new KitFailure('invalid_input', { fields: ['(body)'] })
  }
}
