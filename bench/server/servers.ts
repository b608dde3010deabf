/**
 * The server shapes of the loopback benchmark, one per child process.
 * Usage: node --conditions=@centagate-kit/source --import tsx bench/server/servers.ts <shape> [upstreamOrigin]
 *
 * - upstream: stands in for CENTAGATE: answers authBasic / requestSmsOtp with success envelopes (used
 *   once, to open the kit flows) and every other call with ONE fixed envelope: 23008 "Invalid SMS
 *   OTP" (the answer to `auth/authSmsOtp` with a wrong code).
 * - bare: node:http, parses the JSON body, answers a small JSON.
 * - proxy: node:http -> undici Pool (keep-alive, 64 connections) -> upstream; forwards the parsed
 *   body re-stringified and returns the upstream's JSON (a fast pass-through proxy).
 * - kit: @centagate-kit/server's handler through its Node adapter (toNodeHandler), Node defaults.
 * - kit-pool (diagnostic): the same with a fetch built on undici Pool.request (the client of b).
 * - kit-success: the kit on the success path (right code, another factor required: unseal + the
 *   flow record rewritten),
 *   one freshly minted flow cookie per request (`GET /__mint`).
 *
 * Every shape binds 127.0.0.1 on a free port, prints `READY <port>` and answers `GET /__stats`
 * with its request count and process CPU time, so the driver computes CPU microseconds per request.
 *
 * The driver runs this file bundled by esbuild (bench/server/bundle-servers.ts), as an app ships
 * its server: plain JavaScript, no TypeScript loader in the measured process.
 */
import http from 'node:http'
import { createRequire } from 'node:module'
// The kit from its source (the bundler applies the package's `node` conditions, as an app's would).
import {
  createCentagateHandler,
  createMemoryStore,
  toNodeHandler,
} from '@centagate-kit/server/node'
import {
  authSmsOtpPath,
  basePath,
  inMemoryUpstream,
  kitBenchConfig,
  kitHeaders,
  mergeCookies,
  successUserPrefix,
  upstreamAnswers,
  verifyBody,
} from './fixtures'

const [shape, upstreamUrl] = process.argv.slice(2)
// undici as the server package resolves it (the root does not depend on it).
const serverRequire = createRequire(
  createRequire(import.meta.url).resolve('@centagate-kit/server/package.json'),
)

let requests = 0
const statsBody = () => {
  const cpu = process.cpuUsage()
  // monotonicUs: the clock of V8 CPU profiles, so the driver can cut a profile to the load window.
  const monotonicUs = Number(process.hrtime.bigint() / 1000n)
  return JSON.stringify({ requests, cpuUs: cpu.user + cpu.system, monotonicUs, pid: process.pid })
}

function sendJson(response: http.ServerResponse, status: number, body: string) {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  })
  response.end(body)
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let length = 0
    request.on('data', (chunk: Buffer) => {
      length += chunk.length
      if (length > 16 * 1024) {
        reject(new Error('body too large'))
        request.destroy()
      } else chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

/** The slice of undici's Pool the proxy uses (undici is the server package's dependency). */
type UndiciPoolConstructor = new (
  origin: string,
  options: { connections: number },
) => {
  request(options: {
    path: string
    method: 'POST'
    headers: Record<string, string>
    body: string
    signal?: AbortSignal
  }): Promise<{
    statusCode: number
    headers: Record<string, string | string[] | undefined>
    body: { text(): Promise<string> }
  }>
}

/** A fetch for the kit built on undici Pool.request (one origin): the client of shape (b). */
function createPoolFetch(origin: string) {
  const { Pool } = serverRequire('undici') as { Pool: UndiciPoolConstructor }
  const pool = new Pool(origin, { connections: 64 })
  return async (input: string, init: RequestInit): Promise<Response> => {
    const url = new URL(input)
    const { statusCode, headers, body } = await pool.request({
      path: url.pathname + url.search,
      method: (init.method ?? 'GET') as 'POST',
      headers: Object.fromEntries(new Headers(init.headers)),
      body: typeof init.body === 'string' ? init.body : '',
      ...(init.signal ? { signal: init.signal } : {}),
    })
    const responseHeaders = new Headers()
    for (const [name, value] of Object.entries(headers)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== undefined) responseHeaders.append(name, item)
      }
    }
    return new Response(await body.text(), { status: statusCode, headers: responseHeaders })
  }
}

/**
 * `GET /__mint?count=N` (kit-success only): N flow cookies, each an SMS login flow awaiting a code
 * with its own challenge, opened through the kit's public Web handler (`login/start`, then
 * `sms/send`) by a second handler with the same secrets and an in-memory upstream: exactly what
 * `sms/send` leaves behind. Minted before the measured window (not counted in the CPU figures).
 */
function createMinter(config: ReturnType<typeof kitBenchConfig>) {
  const minting = createCentagateHandler({
    ...config,
    centagate: { ...config.centagate, transport: inMemoryUpstream },
  })
  const origin = 'http://127.0.0.1'
  const device = (JSON.parse(verifyBody) as { device: unknown }).device
  const post = async (route: string, cookie: string, body: unknown) => {
    const answer = await minting(
      new Request(`${origin}${basePath}/${route}`, {
        method: 'POST',
        headers: kitHeaders(origin, cookie),
        body: JSON.stringify(body),
      }),
    )
    if (answer.status !== 200) throw new Error(`mint ${route}: ${answer.status}`)
    return mergeCookies(cookie, answer.headers.getSetCookie())
  }
  let minted = 0
  return (url: URL, response: http.ServerResponse) => {
    if (url.pathname !== '/__mint') return false
    const count = Math.min(200_000, Number(url.searchParams.get('count') ?? 0))
    void (async () => {
      const cookies: string[] = []
      for (let index = 0; index < count; index++) {
        const username = `${successUserPrefix}${minted++ % 256}`
        const started = await post('login/start', '', { username, password: 'pw', device })
        cookies.push(await post('sms/send', started, { device }))
      }
      sendJson(response, 200, JSON.stringify(cookies))
    })().catch((error: unknown) =>
      sendJson(response, 500, JSON.stringify({ error: String(error) })),
    )
    return true
  }
}

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void

/** A node:http server with the stats route (and `extra` bench routes) in front of `handler`. */
function listen(handler: Handler, extra?: (url: URL, response: http.ServerResponse) => boolean) {
  const server = http.createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/__stats') {
      return sendJson(response, 200, statsBody())
    }
    if (request.method === 'GET' && extra?.(new URL(request.url ?? '/', 'http://x'), response)) {
      return
    }
    requests++
    handler(request, response)
  })
  server.keepAliveTimeout = 65_000
  server.listen(0, '127.0.0.1', () => {
    const address = server.address()
    if (address === null || typeof address === 'string') throw new Error('no port')
    console.log(`READY ${address.port}`)
  })
  process.on('SIGTERM', () => {
    // Exit (and let --cpu-prof write its file) without waiting for idle keep-alive sockets.
    server.close(() => process.exit(0))
    server.closeAllConnections()
  })
}

/** Wraps an async JSON handler; any failure is a 500 (the driver counts non-2xx). */
function jsonShape(answer: (body: unknown, url: string) => Promise<string> | string): Handler {
  return (request, response) => {
    readBody(request)
      .then(async (raw) =>
        sendJson(response, 200, await answer(JSON.parse(raw), request.url ?? '/')),
      )
      .catch((error: unknown) => {
        if (!response.headersSent) sendJson(response, 500, JSON.stringify({ error: String(error) }))
      })
  }
}

switch (shape) {
  case 'upstream': {
    listen(jsonShape((body, url) => upstreamAnswers(url, body)))
    break
  }
  case 'bare': {
    listen(
      jsonShape((body) => {
        const code = (body as { code?: unknown }).code
        return JSON.stringify({ ok: true, length: typeof code === 'string' ? code.length : 0 })
      }),
    )
    break
  }
  case 'proxy': {
    if (!upstreamUrl) throw new Error('proxy needs the upstream URL')
    const { Pool } = serverRequire('undici') as { Pool: UndiciPoolConstructor }
    const pool = new Pool(upstreamUrl, { connections: 64 })
    listen(
      jsonShape(async (body) => {
        const { body: upstreamBody } = await pool.request({
          path: authSmsOtpPath,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
        return await upstreamBody.text()
      }),
    )
    break
  }
  case 'kit':
  case 'kit-pool':
  case 'kit-success': {
    if (!upstreamUrl) throw new Error('kit needs the upstream URL')
    // kit-pool (diagnostic): the same handler with a fetch built on undici Pool.request, the
    // client (b) uses, to show what the HTTP client choice costs inside the kit.
    const fetch = shape === 'kit-pool' ? createPoolFetch(upstreamUrl) : undefined
    // One store for the measured handler and the minter: the minted flows' records live there.
    const config = { ...kitBenchConfig(upstreamUrl, fetch), store: createMemoryStore() }
    const extra = shape === 'kit-success' ? createMinter(config) : undefined
    listen(toNodeHandler(createCentagateHandler(config)), extra)
    break
  }
  default:
    console.error(`unknown shape ${shape}`)
    process.exit(2)
}
