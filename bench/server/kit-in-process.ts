/**
 * The kit's own cost per `sms/verify`, without sockets: the public Node adapter
 * (`toNodeHandler`) called in a loop with in-memory stand-ins for `IncomingMessage` (an
 * already-read body, as Express leaves it) and `ServerResponse`, and an in-memory transport that
 * answers the bench's fixed 23008 envelope. This is the path of row (c) minus sockets and HTTP
 * parsing: the adapter's header lookups and answer writing are counted, body streaming is not.
 * CPU microseconds per request over 5 batches (median), steadier on a busy machine than the
 * loopback figures. Run by `pnpm bench` (server part) as a bundle (bundle-servers.ts), in its own
 * process.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createCentagateHandler, toNodeHandler } from '@centagate-kit/server/node'
import {
  basePath,
  inMemoryUpstream,
  kitBenchConfig,
  kitHeaders,
  mergeCookies,
  verifyBody,
} from './fixtures'

export interface InProcessResult {
  cpuUsPerRequest: number
  status: number
}

interface Answer {
  status: number
  setCookies: string[]
}

export async function measureKitInProcess(iterations = 20_000): Promise<InProcessResult> {
  const origin = 'http://127.0.0.1:8080'
  const config = kitBenchConfig('http://upstream.invalid')
  const listener = toNodeHandler(
    createCentagateHandler({
      ...config,
      centagate: { ...config.centagate, transport: inMemoryUpstream },
    }),
  )
  const socket = { remoteAddress: '127.0.0.1', encrypted: false }
  /** One call through the adapter: a request whose body was already read, a response that records. */
  const call = (route: string, cookie: string, body: Uint8Array) =>
    new Promise<Answer>((resolve, reject) => {
      const request = {
        method: 'POST',
        url: `${basePath}/${route}`,
        headers: { host: new URL(origin).host, ...kitHeaders(origin, cookie) },
        socket,
        readableEnded: true,
        body,
      } as unknown as IncomingMessage
      let status = 0
      let setCookies: string[] = []
      const response = {
        shouldKeepAlive: true,
        headersSent: false,
        writeHead(code: number, headers: Record<string, string | string[]>) {
          status = code
          const cookies = headers['set-cookie']
          setCookies = cookies === undefined ? [] : [cookies].flat()
          return response
        },
        end: () => resolve({ status, setCookies }),
        destroy: () => reject(new Error('the adapter destroyed the response')),
      } as unknown as ServerResponse
      listener(request, response, () => reject(new Error(`${route} is not a kit route`)))
    })
  const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value))
  const device = (JSON.parse(verifyBody) as { device: unknown }).device
  // One flow, verified in a loop (nothing runs concurrently in process, so one challenge will do).
  let cookie = ''
  const start = await call(
    'login/start',
    cookie,
    json({ username: 'bench.user1', password: 'pw', device }),
  )
  cookie = mergeCookies(cookie, start.setCookies)
  const sent = await call('sms/send', cookie, json({ device }))
  cookie = mergeCookies(cookie, sent.setCookies)
  const verify = new TextEncoder().encode(verifyBody)
  let status = 0
  const batch = async (count: number) => {
    for (let index = 0; index < count; index++) {
      status = (await call('sms/verify', cookie, verify)).status
    }
  }
  await batch(Math.min(5_000, iterations))
  const perBatch = Math.max(1, Math.floor(iterations / 5))
  const figures: number[] = []
  for (let round = 0; round < 5; round++) {
    const before = process.cpuUsage()
    await batch(perBatch)
    const used = process.cpuUsage(before)
    figures.push((used.user + used.system) / perBatch)
  }
  figures.sort((x, y) => x - y)
  return { cpuUsPerRequest: figures[2]!, status }
}

if (process.argv[1]?.endsWith('kit-in-process.bundle.mjs')) {
  console.log(JSON.stringify(await measureKitInProcess()))
}
