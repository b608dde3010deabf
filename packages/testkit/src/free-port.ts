/**
 * A loopback port that was free a moment ago (bound to port 0, then released). For
 * a server a test is about to start there, or, left unused, for a "connection refused" target.
 */
import { createServer } from 'node:net'

export async function freeLoopbackPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
