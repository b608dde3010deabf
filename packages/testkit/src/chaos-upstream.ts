/**
 * A loopback HTTP server that misbehaves on demand (anchors-security I), counting
 * every request it receives.
 */
import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export type ChaosMode =
  | 'ok'
  | 'never'
  | 'late-headers'
  | 'drip'
  | 'http-500'
  | 'http-502'
  | 'http-503'
  | 'http-504'
  | 'html'
  | 'bad-json'
  | 'truncated'
  | 'reset'
  | 'no-code'
  | 'bad-object'
  | 'oversized'
  | 'redirect'
  | 'clock-skew'

export async function startChaosUpstream(delayMs = 1_500) {
  let mode: ChaosMode = 'ok'
  let requests = 0
  const timers = new Set<NodeJS.Timeout>()
  const later = (fn: () => void, ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      fn()
    }, ms)
    timers.add(timer)
  }
  const okBody = JSON.stringify({
    code: '0',
    message: 'Success',
    object: JSON.stringify({
      authToken: 'AT',
      secretCode: '',
      authMethods: 'SMS',
      multiStepAuth: 'true',
    }),
  })
  const server: Server = createServer((request, response) => {
    requests += 1
    request.resume()
    const json = { 'content-type': 'application/json' }
    switch (mode) {
      case 'ok':
        return response.writeHead(200, json).end(okBody)
      case 'never':
        return
      case 'late-headers':
        return later(() => response.writeHead(200, json).end(okBody), delayMs)
      case 'drip':
        response.writeHead(200, json)
        response.write('{"code":')
        return later(() => response.end('"0"}'), delayMs)
      case 'http-500':
      case 'http-502':
      case 'http-503':
      case 'http-504':
        return response.writeHead(Number(mode.slice(5)), json).end('{"error":"upstream text"}')
      case 'html':
        return response
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<html>maintenance</html>')
      case 'bad-json':
        return response.writeHead(200, json).end('{"code":"0",')
      case 'truncated':
        response.writeHead(200, { ...json, 'content-length': '500' })
        response.write('{"code":"0","message":"')
        return later(() => response.destroy(), 20)
      case 'reset':
        return request.socket.destroy()
      case 'no-code':
        return response.writeHead(200, json).end('{"message":"x","object":""}')
      case 'bad-object':
        return response.writeHead(200, json).end('{"code":"0","message":"x","object":"{not json"}')
      case 'oversized':
        return response
          .writeHead(200, json)
          .end(`{"code":"0","message":"${'x'.repeat(70_000)}","object":""}`)
      case 'redirect':
        return response.writeHead(302, { location: 'http://example.invalid/steal' }).end()
      case 'clock-skew':
        return response
          .writeHead(200, { ...json, date: new Date(Date.now() + 600_000).toUTCString() })
          .end('{"code":"23023","message":"Request expired","object":""}')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    setMode: (next: ChaosMode) => {
      mode = next
    },
    requests: () => requests,
    close: async () => {
      for (const timer of timers) clearTimeout(timer)
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
