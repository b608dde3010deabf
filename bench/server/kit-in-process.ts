/**
 * The kit's own cost per `sms/verify`, without sockets: the handler's `serve()` called in a loop
 * with an in-memory transport that answers the bench's fixed 23008 envelope. CPU microseconds per
 * request over 5 batches (median), steadier on a busy machine than the loopback figures.
 * Run by `pnpm bench` (server part) as a bundle (bundle-servers.ts), in its own process.
 */
import { createCentagateHandler } from '../../packages/server/src/handler/create-centagate-handler'
import type { UpstreamTransport } from '../../packages/server/src/centagate-client/upstream-transport'
import type { KitRequest } from '../../packages/server/src/http/kit-request'
import {
  basePath,
  kitBenchConfig,
  kitHeaders,
  mergeCookies,
  upstreamAnswers,
  verifyBody,
} from './fixtures'

export interface InProcessResult {
  cpuUsPerRequest: number
  status: number
}

export async function measureKitInProcess(iterations = 20_000): Promise<InProcessResult> {
  const origin = 'http://127.0.0.1:8080'
  const transport: UpstreamTransport = (request) => {
    const text = upstreamAnswers(request.url, JSON.parse(request.body ?? '{}'))
    return Promise.resolve({
      status: 200,
      redirect: false,
      header: (name) => (name === 'content-type' ? 'application/json' : null),
      text: () => Promise.resolve(text),
      discard: () => Promise.resolve(),
    })
  }
  const config = kitBenchConfig('http://upstream.invalid')
  const handler = createCentagateHandler({
    ...config,
    centagate: { ...config.centagate, transport },
  })
  const request = (route: string, cookie: string): KitRequest => {
    const url = new URL(`${origin}${basePath}/${route}`)
    const all = kitHeaders(origin, cookie)
    return {
      method: 'POST',
      url,
      header: (name) => all[name] ?? null,
      webRequest: () => new Request(url, { method: 'POST', headers: all }),
    }
  }
  const bytes = (text: string) => () => Promise.resolve(new TextEncoder().encode(text))
  const device = (JSON.parse(verifyBody) as { device: unknown }).device
  // One flow, verified in a loop (nothing runs concurrently in process, so one challenge will do).
  let cookie = ''
  const start = await handler.serve(
    request('login/start', cookie),
    bytes(JSON.stringify({ username: 'bench.user1', password: 'pw', device })),
  )
  cookie = mergeCookies(cookie, start.headers.getSetCookie())
  const sent = await handler.serve(request('sms/send', cookie), bytes(JSON.stringify({ device })))
  cookie = mergeCookies(cookie, sent.headers.getSetCookie())
  const verify = request('sms/verify', cookie)
  let status = 0
  const batch = async (count: number) => {
    for (let index = 0; index < count; index++) {
      status = (await handler.serve(verify, bytes(verifyBody))).status
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
