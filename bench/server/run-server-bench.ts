/**
 * Loopback server benchmark (issue 8, part 2): autocannon against (a) a bare node:http JSON server,
 * (b) a node:http -> undici Pool pass-through proxy and (c) the kit handler doing `sms/verify`
 * through its Node adapter, both proxies in front of the same local upstream. Each server runs in
 * its own child process (servers.ts bundled by esbuild, workspace packages from source); the load
 * generator runs here. Rounds are interleaved (a, b, c, then b, c, a, ...) and every figure is the
 * median over rounds; ratios are computed inside each round first.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { SourceMap, type SourceMapPayload } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import autocannon from 'autocannon'
import { bundleServers } from './bundle-servers'
import { basePath, kitHeaders, mergeCookies, verifyBody } from './fixtures'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export type ShapeId = 'bare' | 'proxy' | 'kit' | 'kit-pool' | 'kit-success'
export const shapeLabels: Record<ShapeId, string> = {
  bare: '(a) bare node:http JSON server',
  proxy: '(b) node:http -> undici Pool -> upstream',
  kit: '(c) kit handler, sms/verify (toNodeHandler, Node default undici transport)',
  'kit-pool': "(c') diagnostic: kit with centagate.fetch on undici Pool.request",
  'kit-success':
    '(c2) kit, sms/verify success path (right code -> factor_required: unseal + flow record write), fresh flow per request',
}
/** Kit shapes whose flows are opened over HTTP (wrong-code path, reusable). */
const opensFlows = (shape: ShapeId) => shape === 'kit' || shape === 'kit-pool'

/** Cookies a load run takes round-robin; `next` carries over from the warm-up to the measurement. */
interface CookiePool {
  cookies: string[]
  next: number
  /** Apply Set-Cookie answers to the slot (flows that continue). */
  follow: boolean
}

export interface RoundFigures {
  rps: number
  p50: number
  p99: number
  /** Server process CPU per request (user + system), microseconds. */
  cpuUs: number
  /** Upstream process CPU per request, microseconds (proxies only). */
  upstreamCpuUs?: number
  /** Load generator (this process) CPU per request, microseconds. */
  loadgenCpuUs: number
  /** Upstream calls per request (1.00 = every request reached the upstream). */
  upstreamCallsPerRequest?: number
  requests: number
  errors: number
  statuses: Record<string, number>
}

export interface ShapeSummary {
  shape: ShapeId
  rounds: RoundFigures[]
  rps: number
  p50: number
  p99: number
  cpuUs: number
  upstreamCpuUs?: number
  upstreamCallsPerRequest?: number
  statuses: Record<string, number>
  errors: number
}

export interface ServerBenchResult {
  connections: number
  seconds: number
  roundsRun: number
  shapes: Partial<Record<ShapeId, ShapeSummary>>
  missing: Partial<Record<ShapeId, string>>
  /** Medians over rounds of per-round ratios / differences. */
  ratioCB?: number
  ratioBA?: number
  /** Diagnostic: kit with a Pool.request fetch / pass-through proxy. */
  ratioCpoolB?: number
  /** Success path (unseal + flow record write) / pass-through proxy. */
  ratioC2B?: number
  /** CPU-bound estimates: total CPU per request (server + upstream + load generator) ratios. */
  cpuRatioCB?: number
  cpuRatioBA?: number
  addedP50?: number
  addedP99?: number
  /** What the kit answered in the probe request (status + body excerpt). */
  kitProbe?: string
  repeatability: string
  profile?: ProfileSummary
  /** The pass-through proxy (b) profiled the same way, to compare per request. */
  proxyProfile?: ProfileSummary
}

export interface ProfileSummary {
  file: string
  /** Requests served inside the profiled window (0 when unknown). */
  requests: number
  /** Whether only the samples of the measured load window were kept. */
  windowed: boolean
  totalMs: number
  top: Array<{ name: string; where: string; selfMs: number; percent: number }>
  byArea: Array<{ area: string; selfMs: number; percent: number }>
  /**
   * Self time charged to the nearest library or kit frame on the stack (Node internals and native
   * code count for whoever called them): "who causes the work".
   */
  byOwner: Array<{ owner: string; selfMs: number; percent: number }>
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((x, y) => x - y)
  const middle = sorted.length >> 1
  if (sorted.length === 0) return Number.NaN
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

interface Child {
  process: ChildProcess
  origin: string
}

/** The bundled servers script (see bundle-servers.ts), built once per run. */
let serversScript: string | undefined

const children = new Set<ChildProcess>()
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
})

function start(shape: string, upstream?: string, nodeFlags: string[] = []): Promise<Child> {
  return new Promise((resolve, reject) => {
    if (serversScript === undefined) throw new Error('bundleServers() first')
    const args = [...nodeFlags, serversScript, shape]
    if (upstream) args.push(upstream)
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'production' },
    })
    children.add(child)
    let stderr = ''
    const timer = setTimeout(() => {
      child.kill('SIGTERM')
      reject(new Error(`${shape} did not start: ${stderr.slice(0, 800)}`))
    }, 20_000)
    child.stderr!.on('data', (data: Buffer) => {
      stderr += String(data)
    })
    child.stdout!.on('data', (data: Buffer) => {
      const match = /READY (\d+)/.exec(String(data))
      if (match) {
        clearTimeout(timer)
        resolve({ process: child, origin: `http://127.0.0.1:${match[1]}` })
      }
    })
    child.on('exit', (code) => {
      children.delete(child)
      clearTimeout(timer)
      reject(new Error(`${shape} exited (${code}): ${stderr.trim().slice(0, 800)}`))
    })
  })
}

/** Stops a child this module started (by its own handle, never by name). */
function stop(child: Child): Promise<void> {
  return new Promise((resolve) => {
    if (child.process.exitCode !== null) return resolve()
    const timer = setTimeout(() => child.process.kill('SIGKILL'), 10_000)
    child.process.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.process.kill('SIGTERM')
  })
}

interface Stats {
  requests: number
  cpuUs: number
  monotonicUs: number
}
const stats = async (origin: string): Promise<Stats> =>
  (await (await fetch(`${origin}/__stats`)).json()) as Stats

/**
 * Opens one SMS flow on the kit over HTTP (login/start with a password, then sms/send) and
 * returns its cookie header: the starting point of a wrong-code `sms/verify`.
 */
async function openKitFlow(origin: string, index: number): Promise<string> {
  const device = JSON.parse(verifyBody).device as unknown
  const post = async (route: string, body: unknown, cookie?: string) => {
    const response = await fetch(`${origin}${basePath}/${route}`, {
      method: 'POST',
      headers: kitHeaders(origin, cookie),
      body: JSON.stringify(body),
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`kit ${route}: ${response.status} ${text.slice(0, 300)}`)
    return mergeCookies(cookie, response.headers.getSetCookie())
  }
  let cookie = await post('login/start', {
    username: `bench.user${index}`,
    password: 'bench-password',
    device,
  })
  cookie = await post('sms/send', { device }, cookie)
  return cookie
}

/** One autocannon run; latencies from each response (float ms: autocannon's histogram is in whole ms). */
function load(
  origin: string,
  route: string,
  pool: CookiePool,
  connections: number,
  seconds: number,
): Promise<{
  rps: number
  p50: number
  p99: number
  requests: number
  errors: number
  statuses: Record<string, number>
}> {
  return new Promise((resolve, reject) => {
    let latencies = new Float64Array(1 << 18)
    let count = 0
    const statuses: Record<string, number> = {}
    const { cookies } = pool
    const baseHeaders = kitHeaders(origin)
    const instance = autocannon(
      {
        url: origin,
        connections,
        duration: seconds,
        pipelining: 1,
        requests: [
          {
            method: 'POST',
            path: route,
            headers: baseHeaders,
            body: verifyBody,
            // Round-robin over a pool of flows far larger than the connections, so two requests in
            // flight never share one challenge. Same work for every shape.
            setupRequest(request, context) {
              const slot = pool.next++ % cookies.length
              context.slot = slot
              request.headers = { ...baseHeaders, cookie: cookies[slot]! }
              return request
            },
            onResponse(_status, _body, context, headers) {
              const setCookie = headers['set-cookie']
              if (!pool.follow || setCookie === undefined || typeof context.slot !== 'number')
                return
              const list = Array.isArray(setCookie) ? setCookie : [setCookie]
              const merged = mergeCookies(cookies[context.slot], list)
              if (merged.length > 0) cookies[context.slot] = merged
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error)
        const sorted = latencies.subarray(0, count).sort()
        resolve({
          rps: count / (result.duration || seconds),
          p50: sorted[Math.floor(count * 0.5)] ?? Number.NaN,
          p99: sorted[Math.floor(count * 0.99)] ?? Number.NaN,
          requests: count,
          errors: result.errors + result.timeouts,
          statuses,
        })
      },
    )
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (count === latencies.length) {
        const grown = new Float64Array(latencies.length * 2)
        grown.set(latencies)
        latencies = grown
      }
      latencies[count++] = responseTime
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1
    })
  })
}

export interface ServerBenchOptions {
  /** Also measure the diagnostic kit-pool shape. */
  kitPool: boolean
  /** Also measure the success path (minted flows). */
  kitSuccess: boolean
  rounds: number
  seconds: number
  warmupSeconds: number
  connections: number
  /** Profile the kit with --cpu-prof when c/b misses this target. */
  profileBelowRatio: number
  log: (line: string) => void
}

export async function runServerBench(options: ServerBenchOptions): Promise<ServerBenchResult> {
  const { rounds, seconds, connections, log } = options
  const route = `${basePath}/sms/verify`
  const result: ServerBenchResult = {
    connections,
    seconds,
    roundsRun: 0,
    shapes: {},
    missing: {},
    repeatability:
      'wrong code: the upstream answers authSmsOtp with 23008 (Invalid SMS OTP), attempt limits ' +
      'configured high, 128 pre-opened flows (login/start + sms/send) used round-robin; (c2) ' +
      'success path: one flow opened through the kit (login/start + sms/send) per request, the upstream accepts ' +
      'the code and asks for another factor (the kit writes the flow record: rotated token, methods left)',
  }

  serversScript = await bundleServers()
  const upstream = await start('upstream')
  const servers: Partial<Record<ShapeId, Child>> = {}
  const shapes: ShapeId[] = ['bare', 'proxy', 'kit']
  if (options.kitSuccess) shapes.push('kit-success')
  if (options.kitPool) shapes.push('kit-pool')
  for (const shape of shapes) {
    try {
      servers[shape] = await start(shape, upstream.origin)
    } catch (error) {
      result.missing[shape] = String((error as Error).message).split('\n')[0]!
      log(`server ${shape} unavailable: ${(error as Error).message.slice(0, 400)}`)
    }
  }

  // Flows for the kit: opened over HTTP before any measurement.
  const flowCount = 128
  const kitCookies: Partial<Record<ShapeId, string[]>> = {}
  for (const shape of shapes.filter(opensFlows)) {
    const server = servers[shape]
    if (!server) continue
    try {
      const cookies: string[] = []
      for (let index = 0; index < flowCount; index += 16) {
        cookies.push(
          ...(await Promise.all(
            Array.from({ length: 16 }, (_, offset) => openKitFlow(server.origin, index + offset)),
          )),
        )
      }
      const probe = await fetch(`${server.origin}${route}`, {
        method: 'POST',
        headers: kitHeaders(server.origin, cookies[0]),
        body: verifyBody,
      })
      const answer = `${probe.status} ${(await probe.text()).slice(0, 200)}`
      if (shape === 'kit') result.kitProbe = answer
      log(`${shape} probe: ${answer}`)
      kitCookies[shape] = cookies
    } catch (error) {
      result.missing[shape] = `could not open a kit flow: ${(error as Error).message.slice(0, 300)}`
      log(result.missing[shape])
      await stop(server)
      delete servers[shape]
    }
  }
  const pools: Partial<Record<ShapeId, CookiePool>> = {}
  for (const shape of shapes) {
    pools[shape] = {
      cookies: kitCookies[shape] ?? Array.from({ length: flowCount }, () => 'bench=1'),
      next: 0,
      follow: opensFlows(shape),
    }
  }
  // kit-success: one minted flow per request, minted by the server before each round.
  let successRps = 3000
  const mintFor = async (origin: string) => {
    const count = Math.ceil(successRps * (options.warmupSeconds + seconds) * 1.6) + 2000
    const response = await fetch(`${origin}/__mint?count=${count}`)
    if (!response.ok) throw new Error(`mint: ${response.status}`)
    return { cookies: (await response.json()) as string[], next: 0, follow: false }
  }
  if (servers['kit-success']) {
    try {
      const origin = servers['kit-success'].origin
      const { cookies } = await mintFor(origin)
      const probe = await fetch(`${origin}${route}`, {
        method: 'POST',
        headers: kitHeaders(origin, cookies[0]),
        body: verifyBody,
      })
      log(`kit-success probe: ${probe.status} ${(await probe.text()).slice(0, 200)}`)
      if (!probe.ok) throw new Error(`the success path answered ${probe.status}`)
    } catch (error) {
      result.missing['kit-success'] = `success path unavailable: ${(error as Error).message}`
      log(result.missing['kit-success'])
      await stop(servers['kit-success'])
      delete servers['kit-success']
    }
  }

  const order = shapes.filter((shape) => servers[shape])
  const perRound: Array<Partial<Record<ShapeId, RoundFigures>>> = []
  for (let round = 0; round < rounds; round++) {
    const figures: Partial<Record<ShapeId, RoundFigures>> = {}
    const rotated = order.map((_, index) => order[(index + round) % order.length]!)
    for (const shape of rotated) {
      const server = servers[shape]!
      if (shape === 'kit-success') pools[shape] = await mintFor(server.origin)
      const pool = pools[shape]!
      await load(server.origin, route, pool, connections, options.warmupSeconds)
      const before = await stats(server.origin)
      const upstreamBefore = await stats(upstream.origin)
      const loadgenBefore = process.cpuUsage()
      const run = await load(server.origin, route, pool, connections, seconds)
      const loadgen = process.cpuUsage(loadgenBefore)
      if (shape === 'kit-success') {
        successRps = run.rps
        if (pool.next > pool.cookies.length) {
          log(`kit-success: ${pool.next - pool.cookies.length} requests reused a consumed flow`)
        }
      }
      const after = await stats(server.origin)
      const upstreamAfter = await stats(upstream.origin)
      const served = after.requests - before.requests
      const row: RoundFigures = {
        rps: run.rps,
        p50: run.p50,
        p99: run.p99,
        cpuUs: (after.cpuUs - before.cpuUs) / served,
        loadgenCpuUs: (loadgen.user + loadgen.system) / run.requests,
        requests: run.requests,
        errors: run.errors,
        statuses: run.statuses,
      }
      if (shape !== 'bare') {
        row.upstreamCpuUs = (upstreamAfter.cpuUs - upstreamBefore.cpuUs) / served
        row.upstreamCallsPerRequest = (upstreamAfter.requests - upstreamBefore.requests) / served
      }
      figures[shape] = row
      log(
        `round ${round + 1}/${rounds} ${shape.padEnd(5)} ${Math.round(row.rps)} req/s ` +
          `p50 ${row.p50.toFixed(3)} ms p99 ${row.p99.toFixed(3)} ms cpu ${row.cpuUs.toFixed(1)} us/req` +
          (row.upstreamCallsPerRequest === undefined
            ? ''
            : ` upstream calls/req ${row.upstreamCallsPerRequest.toFixed(2)}`) +
          ` statuses ${JSON.stringify(row.statuses)} errors ${row.errors}`,
      )
    }
    perRound.push(figures)
    result.roundsRun = round + 1
  }

  for (const shape of order) {
    const rows = perRound.map((figures) => figures[shape]!).filter(Boolean)
    const statuses: Record<string, number> = {}
    for (const row of rows) {
      for (const [status, count] of Object.entries(row.statuses)) {
        statuses[status] = (statuses[status] ?? 0) + count
      }
    }
    const summary: ShapeSummary = {
      shape,
      rounds: rows,
      rps: median(rows.map((row) => row.rps)),
      p50: median(rows.map((row) => row.p50)),
      p99: median(rows.map((row) => row.p99)),
      cpuUs: median(rows.map((row) => row.cpuUs)),
      statuses,
      errors: rows.reduce((sum, row) => sum + row.errors, 0),
    }
    if (shape !== 'bare') {
      summary.upstreamCpuUs = median(rows.map((row) => row.upstreamCpuUs!))
      summary.upstreamCallsPerRequest = median(rows.map((row) => row.upstreamCallsPerRequest!))
    }
    result.shapes[shape] = summary
  }
  const within = (f: (round: Partial<Record<ShapeId, RoundFigures>>) => number | undefined) => {
    const values = perRound.map(f).filter((value): value is number => value !== undefined)
    return values.length > 0 ? median(values) : undefined
  }
  const both = <T>(a: T | undefined, b: T | undefined) => a !== undefined && b !== undefined
  const ratioCB = within((r) => (both(r.kit, r.proxy) ? r.kit!.rps / r.proxy!.rps : undefined))
  const ratioBA = within((r) => (both(r.proxy, r.bare) ? r.proxy!.rps / r.bare!.rps : undefined))
  // What c/b would be if the run were CPU-bound on an otherwise idle machine: total CPU per request
  // (server + upstream + load generator) of b over that of c. Steadier than req/s on a busy box.
  const totalCpu = (row: RoundFigures) => row.cpuUs + (row.upstreamCpuUs ?? 0) + row.loadgenCpuUs
  const cpuRatioCB = within((r) =>
    both(r.kit, r.proxy) ? totalCpu(r.proxy!) / totalCpu(r.kit!) : undefined,
  )
  const cpuRatioBA = within((r) =>
    both(r.proxy, r.bare) ? totalCpu(r.bare!) / totalCpu(r.proxy!) : undefined,
  )
  if (cpuRatioCB !== undefined) result.cpuRatioCB = cpuRatioCB
  if (cpuRatioBA !== undefined) result.cpuRatioBA = cpuRatioBA
  const ratioCpoolB = within((r) =>
    both(r['kit-pool'], r.proxy) ? r['kit-pool']!.rps / r.proxy!.rps : undefined,
  )
  if (ratioCpoolB !== undefined) result.ratioCpoolB = ratioCpoolB
  const ratioC2B = within((r) =>
    both(r['kit-success'], r.proxy) ? r['kit-success']!.rps / r.proxy!.rps : undefined,
  )
  if (ratioC2B !== undefined) result.ratioC2B = ratioC2B
  const addedP50 = within((r) => (both(r.kit, r.proxy) ? r.kit!.p50 - r.proxy!.p50 : undefined))
  const addedP99 = within((r) => (both(r.kit, r.proxy) ? r.kit!.p99 - r.proxy!.p99 : undefined))
  if (ratioCB !== undefined) result.ratioCB = ratioCB
  if (ratioBA !== undefined) result.ratioBA = ratioBA
  if (addedP50 !== undefined) result.addedP50 = addedP50
  if (addedP99 !== undefined) result.addedP99 = addedP99

  for (const server of Object.values(servers)) await stop(server)

  // Where the kit's time goes, when it misses the target: a CPU profile of (c) under the same load.
  if (
    (ratioCB !== undefined && ratioCB < options.profileBelowRatio) ||
    process.env.BENCH_PROFILE === '1'
  ) {
    try {
      result.profile = await profileShape('kit', upstream.origin, options)
      result.proxyProfile = await profileShape('proxy', upstream.origin, options)
    } catch (error) {
      log(`profile failed: ${(error as Error).message.slice(0, 400)}`)
    }
  }
  await stop(upstream)
  return result
}

interface CpuProfile {
  startTime: number
  nodes: Array<{
    id: number
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
    children?: number[]
  }>
  samples: number[]
  timeDeltas: number[]
}

/** A CPU profile of one shape's server process under the bench load (same route, same body). */
async function profileShape(
  shape: 'kit' | 'proxy',
  upstreamOrigin: string,
  options: ServerBenchOptions,
) {
  const dir = mkdtempSync(path.join(tmpdir(), `centagate-bench-prof-${shape}-`))
  const server = await start(shape, upstreamOrigin, ['--cpu-prof', `--cpu-prof-dir=${dir}`])
  const cookies: string[] = []
  if (shape === 'kit') {
    for (let index = 0; index < 64; index += 16) {
      cookies.push(
        ...(await Promise.all(
          Array.from({ length: 16 }, (_, offset) =>
            openKitFlow(server.origin, 1000 + index + offset),
          ),
        )),
      )
    }
  } else cookies.push(...Array.from({ length: 64 }, () => 'bench=1'))
  const route = `${basePath}/sms/verify`
  const pool: CookiePool = { cookies, next: 0, follow: shape === 'kit' }
  await load(server.origin, route, pool, options.connections, options.warmupSeconds)
  const before = await stats(server.origin)
  await load(server.origin, route, pool, options.connections, options.seconds)
  const after = await stats(server.origin)
  await stop(server)
  // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main thread.
  const file = readdirSync(dir).find((name) => /\.\d+\.0\.\d+\.cpuprofile$/.test(name))
  if (!file) throw new Error('no .cpuprofile written')
  const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile
  mapFramesToSources(profile, serversScript!)
  return summarizeProfile(
    profile,
    path.join(dir, file),
    { fromUs: before.monotonicUs, toUs: after.monotonicUs },
    after.requests - before.requests,
  )
}

/**
 * The profiled process ran the bundle: point every frame of it back at its original source file
 * and line (through the bundle's source map), so areas and owners name kit files and packages.
 */
function mapFramesToSources(profile: CpuProfile, bundleFile: string) {
  const bundleUrl = pathToFileURL(bundleFile).href
  const map = new SourceMap(
    JSON.parse(readFileSync(`${bundleFile}.map`, 'utf8')) as SourceMapPayload,
  )
  for (const node of profile.nodes) {
    const frame = node.callFrame
    if (frame.url !== bundleUrl && frame.url !== bundleFile) continue
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as {
      originalSource?: string
      originalLine?: number
    }
    if (entry.originalSource === undefined) continue
    const source = entry.originalSource.startsWith('file://')
      ? fileURLToPath(entry.originalSource)
      : path.resolve(path.dirname(bundleFile), entry.originalSource)
    frame.url = pathToFileURL(source).href
    frame.lineNumber = entry.originalLine ?? frame.lineNumber
  }
}

/** Self time per function and per area (kit source, jose, zod, undici, node internals, GC...). */
export function summarizeProfile(
  profile: CpuProfile,
  file: string,
  window?: { fromUs: number; toUs: number },
  requests = 0,
): ProfileSummary {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]))
  const self = new Map<number, number>()
  let total = 0
  // Keep only the samples of the measured load window (startup and flow setup excluded) when the
  // window falls inside the profile (both use the monotonic clock).
  const endUs = profile.startTime + profile.timeDeltas.reduce((sum, delta) => sum + delta, 0)
  const windowed =
    window !== undefined && window.fromUs >= profile.startTime && window.toUs <= endUs + 1e6
  let at = profile.startTime
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0
    at += delta
    if (windowed && (at < window.fromUs || at > window.toUs)) return
    self.set(id, (self.get(id) ?? 0) + delta)
    total += delta
  })
  const parent = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id)
  const ownerOf = (id: number): string => {
    for (
      let current: number | undefined = id;
      current !== undefined;
      current = parent.get(current)
    ) {
      const url = byNode.get(current)?.callFrame.url.replace(/^file:\/\//, '') ?? ''
      if (url === '' || url.startsWith('node:')) continue
      const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
      if (pnpm) return pnpm[1]!
      return shortPath(url)
    }
    const name = byNode.get(id)?.callFrame.functionName ?? ''
    return name.startsWith('(') ? name : '(node internals, no library frame on the stack)'
  }
  const owners = new Map<string, number>()
  const functions = new Map<string, { name: string; where: string; us: number }>()
  const areas = new Map<string, number>()
  for (const [id, us] of self) {
    const frame = byNode.get(id)?.callFrame
    if (!frame) continue
    const url = frame.url.replace(/^file:\/\//, '')
    const where = url ? `${shortPath(url)}:${frame.lineNumber + 1}` : '(native)'
    const name = frame.functionName || '(anonymous)'
    const key = `${name}@${where}`
    const entry = functions.get(key) ?? { name, where, us: 0 }
    entry.us += us
    functions.set(key, entry)
    const area = areaOf(name, url)
    areas.set(area, (areas.get(area) ?? 0) + us)
    const owner = ownerOf(id)
    owners.set(owner, (owners.get(owner) ?? 0) + us)
  }
  const percent = (us: number) => (total > 0 ? (100 * us) / total : 0)
  return {
    file,
    requests,
    windowed,
    totalMs: total / 1000,
    top: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, 15)
      .map((entry) => ({
        name: entry.name,
        where: entry.where,
        selfMs: entry.us / 1000,
        percent: percent(entry.us),
      })),
    byOwner: [...owners]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 20)
      .map(([owner, us]) => ({ owner, selfMs: us / 1000, percent: percent(us) })),
    byArea: [...areas]
      .sort((a, b) => b[1] - a[1])
      .map(([area, us]) => ({ area, selfMs: us / 1000, percent: percent(us) })),
  }
}

function shortPath(url: string): string {
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/(.*)$/.exec(url)
  if (pnpm) return pnpm[1]!
  if (url.startsWith(repoRoot)) return path.relative(repoRoot, url)
  return url
}

function areaOf(name: string, url: string): string {
  if (name === '(idle)') return '(idle)'
  if (name === '(garbage collector)') return '(garbage collector)'
  if (name === '(program)') return '(program: native/VM)'
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (pnpm) return pnpm[1]!
  const workspace = /packages\/([^/]+)\/src\/(?:([^/]+)\/)?/.exec(url)
  if (workspace) return `@centagate-kit/${workspace[1]}${workspace[2] ? `/${workspace[2]}` : ''}`
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/').slice(0, 2).join('/')}`
  if (url.includes('bench/')) return 'bench harness'
  return url ? 'other' : '(native)'
}
