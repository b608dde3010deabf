/**
 * `pnpm bench`: bundle cost, server overhead and browser timings of centagate-kit, all measured in
 * this run, printed as ONE table and written to bench/results.md (with the command, date, machine
 * and the detail behind each figure).
 *
 * Options (environment): BENCH_ROUNDS (default 7), BENCH_SECONDS (4 per measurement),
 * BENCH_WARMUP_SECONDS (1), BENCH_CONNECTIONS (10), BENCH_BROWSER_RUNS (10), BENCH_PROFILE=1 to
 * always profile the kit server, BENCH_KIT_POOL=0 / BENCH_KIT_SUCCESS=0 skip the diagnostic kit-pool / success-path shapes. `--only=bundle,server,browser,demo` runs a subset; `--readme` also
 * copies the table into bench/README.md and the root README.md. Parts: bundle, server, browser (the bench page), demo
 * (the built apps/demo).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BrowserBenchResult, runBrowserBench } from './browser/run-browser-bench'
import { type DemoBenchResult, runDemoBench } from './browser/run-demo-bench'
import {
  type BundleResult,
  type CssResult,
  cssBudgetKb,
  deviceSignalsEntry,
  fingerprintBudgetKb,
  kb,
  kitEntries,
  measureCss,
  measureEntry,
  packageName,
  describeLazyChunks,
} from './bundle/measure-bundles'
import { installBrowserKit } from '../consumers/support/installed-kit'
import { packPackages } from '../scripts/packaging/pack-packages'
import type { InProcessResult } from './server/kit-in-process'
import { type MicroResult, runKitInProcess, runMicro } from './server/micro'
import {
  type ProfileSummary,
  type ServerBenchResult,
  type ShapeId,
  median,
  runServerBench,
  shapeLabels,
} from './server/run-server-bench'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const env = (name: string, fallback: number) => {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? value : fallback
}
const onlyArgument = process.argv.find((argument) => argument.startsWith('--only='))
const only = new Set(
  (onlyArgument?.slice('--only='.length) ?? 'bundle,server,browser,demo')
    .split(',')
    .filter(Boolean),
)
const updateReadme = process.argv.includes('--readme')
const log = (line: string) => console.error(`[bench] ${line}`)
// Ctrl-C: exit through process.exit so the 'exit' handlers stop the servers and the demo preview
// this run started (by their PIDs).
process.on('SIGINT', () => process.exit(130))
process.on('SIGTERM', () => process.exit(143))

const startedAt = new Date()
const loadBefore = os.loadavg()

// ------------------------------------------------------------------------------------------------
// Machine

const cpus = os.cpus()
const machine = {
  nproc: os.availableParallelism(),
  cpuModel: cpus[0]?.model.trim() ?? 'unknown',
  node: process.version,
  memoryGiB: (os.totalmem() / 1024 ** 3).toFixed(1),
  os: `${os.type()} ${os.release()} ${os.arch()}`,
}

// ------------------------------------------------------------------------------------------------
// Rows of the one table

interface Row {
  part: string
  what: string
  figure: string
  target: string
  verdict: string
}
const rows: Row[] = []
const details: string[] = []
const fmtKb = (bytes: number) => `${kb(bytes).toFixed(2)} KB`
const verdict = (ok: boolean) => (ok ? 'ok' : '**MISSED**')

// 1. Bundle cost ---------------------------------------------------------------------------------
if (only.has('bundle')) {
  log('bundle cost: pack, npm install the tarballs into an app folder, esbuild + gzip -9...')
  // What users install: the packed tarballs in the vite-react consumer fixture, outside the repo.
  const installDir = (await installBrowserKit(packPackages())).dir
  const results = new Map<string, BundleResult>()
  for (const entry of kitEntries) {
    try {
      const result = await measureEntry(entry, installDir)
      results.set(entry.id, result)
      const figure =
        `initial ${fmtKb(result.initial.gzipBytes)} gzip (${fmtKb(result.initial.minBytes)} min); ` +
        describeLazyChunks(result)
      const budget = entry.budgetKb
      rows.push({
        part: '1 bundle',
        what: entry.id === 'WholeKit' ? `${entry.label}, lazy chunks apart` : entry.label,
        figure,
        target: budget === undefined ? '' : `<= ${budget} KB`,
        verdict: budget === undefined ? '' : verdict(kb(result.initial.gzipBytes) <= budget),
      })
      details.push(
        `- ${entry.id}: initial ${fmtKb(result.initial.gzipBytes)} gzip in ${result.initial.files.length} file(s); ` +
          `largest inputs (min bytes): ${result.topInitialInputs.map((input) => `${input.name} ${input.bytes}`).join(', ')}`,
      )
    } catch (error) {
      rows.push({
        part: '1 bundle',
        what: entry.label,
        figure: 'build failed',
        target: entry.budgetKb === undefined ? '' : `<= ${entry.budgetKb} KB`,
        verdict: `**FAILED**: ${(error as Error).message.split('\n')[0]!.slice(0, 160)}`,
      })
    }
  }
  const otp = results.get('OtpField')
  if (otp) {
    const packages = new Set(otp.inputs.map(packageName))
    const clean = !packages.has('qrcode.react') && !packages.has('@fingerprintjs/fingerprintjs')
    rows.push({
      part: '1 bundle',
      what: 'OtpField import graph: qrcode.react / @fingerprintjs (esbuild metafile inputs)',
      figure: clean
        ? 'neither'
        : [...packages]
            .filter((name) => name === 'qrcode.react' || name.startsWith('@fingerprintjs'))
            .join(' + '),
      target: 'neither',
      verdict: verdict(clean),
    })
  }
  // The floors the kit builds on, measured the same way (context for the figures above).
  const floors: string[] = []
  for (const [id, code] of [
    ['input-otp OTPInput', "export { OTPInput } from 'input-otp'"],
    ['qrcode.react QRCodeSVG', "export { QRCodeSVG } from 'qrcode.react'"],
  ] as const) {
    try {
      const floor = await measureEntry(
        { id: id.replace(/\W+/g, '-'), label: id, subpath: '.', code },
        installDir,
      )
      floors.push(`${id} ${fmtKb(floor.costGzipBytes)}`)
    } catch (error) {
      floors.push(`${id}: ${(error as Error).message.split('\n')[0]}`)
    }
  }
  details.push(`- Dependency floors, same build: ${floors.join(', ')} (gzip).`)
  let fingerprintSource = results.get('WholeKit')
  if (!fingerprintSource || fingerprintSource.fingerprint.files.length === 0) {
    fingerprintSource = await measureEntry(deviceSignalsEntry, installDir)
  }
  const fp = fingerprintSource.fingerprint
  rows.push({
    part: '1 bundle',
    what: `lazy fingerprint chunk on its own (from ${fingerprintSource.entry.id === 'WholeKit' ? 'the whole kit' : fingerprintSource.entry.label})`,
    figure:
      fp.files.length > 0
        ? `${fmtKb(fp.gzipBytes)} gzip (${fmtKb(fp.minBytes)} min)`
        : 'no fingerprint chunk',
    target: `<= ${fingerprintBudgetKb} KB, lazy`,
    verdict:
      fp.files.length > 0
        ? verdict(
            kb(fp.gzipBytes) <= fingerprintBudgetKb && !fingerprintSource.fingerprintInInitial,
          )
        : '**MISSED**',
  })
  const css: CssResult = await measureCss(installDir)
  rows.push({
    part: '1 bundle',
    what: "kit CSS ('@centagate-kit/react/styles.css', minified)",
    figure: `${fmtKb(css.gzipBytes)} gzip (${fmtKb(css.minBytes)} min)`,
    target: `<= ${cssBudgetKb} KB`,
    verdict: verdict(kb(css.gzipBytes) <= cssBudgetKb),
  })
}

// 2. Server overhead -----------------------------------------------------------------------------
let server: ServerBenchResult | undefined
if (only.has('server')) {
  log('server overhead (autocannon on loopback)...')
  server = await runServerBench({
    rounds: env('BENCH_ROUNDS', 7),
    seconds: env('BENCH_SECONDS', 4),
    warmupSeconds: env('BENCH_WARMUP_SECONDS', 1),
    connections: env('BENCH_CONNECTIONS', 10),
    profileBelowRatio: 0.85,
    kitPool: process.env.BENCH_KIT_POOL !== '0',
    kitSuccess: process.env.BENCH_KIT_SUCCESS !== '0',
    log,
  })
  const measuredShapes: ShapeId[] = ['bare', 'proxy', 'kit']
  for (const extra of ['kit-success', 'kit-pool'] as const) {
    if (server.shapes[extra] || server.missing[extra]) measuredShapes.push(extra)
  }
  for (const shape of measuredShapes) {
    const summary = server.shapes[shape]
    if (!summary) {
      rows.push({
        part: '2 server',
        what: shapeLabels[shape],
        figure: 'not measured',
        target: '',
        verdict: server.missing[shape] ?? 'not run',
      })
      continue
    }
    const statuses = Object.entries(summary.statuses)
      .map(([status, count]) => `${status}x${count}`)
      .join(' ')
    rows.push({
      part: '2 server',
      what: shapeLabels[shape],
      figure:
        `${Math.round(summary.rps).toLocaleString('en-US')} req/s, p50 ${summary.p50.toFixed(3)} ms, ` +
        `p99 ${summary.p99.toFixed(3)} ms, server CPU ${summary.cpuUs.toFixed(1)} us/req` +
        (summary.upstreamCallsPerRequest === undefined
          ? ''
          : `, upstream calls/req ${summary.upstreamCallsPerRequest.toFixed(2)}`),
      target: '',
      verdict: `statuses ${statuses}; errors ${summary.errors}`,
    })
  }
  rows.push({
    part: '2 server',
    what: 'how sms/verify stays repeatable under load',
    figure:
      '(c) wrong code: upstream answers authSmsOtp 23008, kit limits configured high, 128 flows opened over HTTP; ' +
      '(c2) right code: a fresh flow per request, opened through the kit (login/start + sms/send) before the round',
    target: '',
    verdict: '',
  })
  const ratioRow = (what: string, value: number | undefined, target: number, stretch?: number) =>
    rows.push({
      part: '2 server',
      what,
      figure: value === undefined ? 'not measured' : value.toFixed(3),
      target: `>= ${target.toFixed(2)}${stretch ? ` (stretch ${stretch.toFixed(2)})` : ''}`,
      verdict: value === undefined ? '' : verdict(value >= target),
    })
  ratioRow(
    'ratio c/b (kit / pass-through proxy req/s, median of per-round ratios)',
    server.ratioCB,
    0.85,
    0.9,
  )
  ratioRow('ratio b/a (pass-through proxy / bare node:http req/s)', server.ratioBA, 0.3)
  if (server.cpuRatioCB !== undefined || server.cpuRatioBA !== undefined) {
    rows.push({
      part: '2 server',
      what: 'CPU-bound estimate of the ratios: total CPU per request (server + upstream + load generator), b/c and a/b',
      figure: `c/b ${server.cpuRatioCB?.toFixed(3) ?? '-'}, b/a ${server.cpuRatioBA?.toFixed(3) ?? '-'}`,
      target: '(cross-check; steadier than req/s on a busy machine)',
      verdict: '',
    })
  }
  if (server.ratioC2B !== undefined) {
    rows.push({
      part: '2 server',
      what: 'ratio c2/b (kit success path with seal / pass-through proxy)',
      figure: server.ratioC2B.toFixed(3),
      target: '>= 0.85 (same target as c/b)',
      verdict: verdict(server.ratioC2B >= 0.85),
    })
  }
  if (server.ratioCpoolB !== undefined) {
    rows.push({
      part: '2 server',
      what: "ratio c'/b (diagnostic: kit on a Pool.request fetch / pass-through proxy)",
      figure: server.ratioCpoolB.toFixed(3),
      target: '(not a target)',
      verdict: '',
    })
  }
  const kit = server.shapes.kit
  const proxy = server.shapes.proxy
  if (kit && proxy) {
    rows.push({
      part: '2 server',
      what: 'server CPU per request, b -> c',
      figure: `${proxy.cpuUs.toFixed(1)} -> ${kit.cpuUs.toFixed(1)} us/req (+${(kit.cpuUs - proxy.cpuUs).toFixed(1)})`,
      target: '',
      verdict: '',
    })
    rows.push({
      part: '2 server',
      what: 'added latency of c over b (median of per-round differences)',
      figure: `p50 +${server.addedP50!.toFixed(3)} ms, p99 +${server.addedP99!.toFixed(3)} ms`,
      target: '',
      verdict: '',
    })
  }
}

// 2b. Micro-benchmarks of the steps the profile points at ----------------------------------------
let micro: MicroResult[] | undefined
let inProcess: InProcessResult | undefined
if (only.has('server')) {
  try {
    micro = await runMicro()
    inProcess = await runKitInProcess()
  } catch (error) {
    log(`micro-benchmarks failed: ${(error as Error).message.slice(0, 300)}`)
  }
  if (inProcess) {
    rows.push({
      part: '2 server',
      what: "kit's own CPU per wrong-code sms/verify, in process (toNodeHandler with in-memory request/response objects in a loop, in-memory upstream answer, no sockets; median of 5 batches)",
      figure: `${inProcess.cpuUsPerRequest.toFixed(1)} us/req (answer ${inProcess.status})`,
      target: '',
      verdict: '',
    })
  }
}

// 3. Browser timings -----------------------------------------------------------------------------
let browser: BrowserBenchResult | undefined
if (only.has('browser')) {
  log('browser timings (Playwright + Debian Chromium, fresh profiles)...')
  try {
    browser = await runBrowserBench({ runs: env('BENCH_BROWSER_RUNS', 10), log })
    const runs = browser.runs
    const describe = (values: number[]) =>
      values.length === 0
        ? 'not measured'
        : `median ${median(values).toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}, n=${values.length})`
    const failures = browser.failures.length > 0 ? `${browser.failures.length} failed runs` : ''
    rows.push({
      part: '3 browser',
      what: 'navigation start -> interactive OtpField (built page, fresh profile)',
      figure: describe(runs.map((run) => run.otpInteractiveMs)),
      target: '',
      verdict: failures,
    })
    rows.push({
      part: '3 browser',
      what: 'mount -> fingerprint ready (kit device signals, lazy FingerprintJS)',
      figure: describe(runs.map((run) => run.fingerprintReadyMs)),
      target: '',
      verdict: failures,
    })
  } catch (error) {
    rows.push({
      part: '3 browser',
      what: 'browser timings',
      figure: 'not measured',
      target: '',
      verdict: `**FAILED**: ${(error as Error).message.split('\n')[0]!.slice(0, 200)}`,
    })
  }
}

// 3b. Browser timings over the built demo ------------------------------------------------------
let demo: DemoBenchResult | undefined
if (only.has('demo')) {
  log('browser timings over the built demo (apps/demo, vite build + preview)...')
  const describe = (values: number[]) =>
    values.length === 0
      ? 'not measured'
      : `median ${median(values).toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}, n=${values.length})`
  try {
    demo = await runDemoBench({ runs: env('BENCH_BROWSER_RUNS', 10), log })
    const failures = demo.failures.length > 0 ? `${demo.failures.length} failed runs` : ''
    const runs = demo.runs
    rows.push(
      {
        part: '3 browser (demo)',
        what: 'demo: navigation start -> interactive login form',
        figure: describe(runs.map((run) => run.loginInteractiveMs)),
        target: '',
        verdict: failures,
      },
      {
        part: '3 browser (demo)',
        what: 'demo: navigation start -> interactive OtpField (scripted login as alice, token method)',
        figure: describe(runs.map((run) => run.otpInteractiveMs)),
        target: '',
        verdict: failures,
      },
      {
        part: '3 browser (demo)',
        what: 'demo: last click -> interactive OtpField (challenge/send round trip + render)',
        figure: describe(runs.map((run) => run.lastClickToOtpMs)),
        target: '',
        verdict: failures,
      },
    )
  } catch (error) {
    rows.push({
      part: '3 browser (demo)',
      what: 'demo timings',
      figure: 'not measured',
      target: '',
      verdict: `**FAILED**: ${(error as Error).message.split('\n')[0]!.slice(0, 200)}`,
    })
  }
}

// ------------------------------------------------------------------------------------------------
// Output

const loadAfter = os.loadavg()
const escape = (text: string) => text.replace(/\|/g, '\\|')
const table = [
  '| part | what | figure | target | verdict |',
  '|---|---|---|---|---|',
  ...rows.map(
    (row) =>
      `| ${row.part} | ${escape(row.what)} | ${escape(row.figure)} | ${escape(row.target)} | ${escape(row.verdict)} |`,
  ),
].join('\n')
console.log(table)

const command = `pnpm bench${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}`
const settings = server
  ? `${server.roundsRun} interleaved rounds x ${server.seconds} s per shape (after a warm-up), ${server.connections} connections, pipelining 1`
  : 'server part not run'
const lines: string[] = [
  '# centagate-kit benchmark results',
  '',
  `- Command: \`${command}\` (root package.json: \`node --conditions=@centagate-kit/source --import tsx bench/run.ts\`)`,
  `- Date: ${startedAt.toISOString()} (took ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s)`,
  `- Machine: nproc ${machine.nproc}, CPU ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}` +
    (browser?.chromiumVersion ? `, Chromium ${browser.chromiumVersion}` : ''),
  `- Load average (1/5/15 min) at start ${loadBefore.map((x) => x.toFixed(2)).join(' / ')}, at end ${loadAfter.map((x) => x.toFixed(2)).join(' / ')}: the load generator, servers and upstream share these cores with whatever else runs, so absolute req/s move with it; ratios are computed inside each round.`,
  `- Server settings: ${settings}. Medians over rounds.`,
  '',
  table,
  '',
  '## How each figure is measured',
  '',
  "- Bundle: esbuild, bundle + minify + ESM + code splitting, platform browser, target es2020, UTF-8 output (`charset: 'utf8'`, as Vite/Rollup/rolldown and webpack emit; esbuild's default would write each non-ASCII character of the zh-CN catalogue as a \\u escape), from the packed tarballs npm-installed into the vite-react consumer fixture outside the repository (published `exports`, no source condition), NODE_ENV=production; external react, react-dom, react/jsx-runtime, @tanstack/react-query; gzip level 9 per output file, summed; KB = 1024 B. An entry's figure is its initial JS (entry + static imports: what a page loads at once, and what the budgets apply to), then each lazy chunk on its own: qrcode.react (loaded on the first QR shown), the largest locale catalogue (a page loads one), anything else lazy; the fingerprint chunk is reported on its own.",
  '- Server: each shape in its own child process (`node bench/server/servers.bundle.mjs <shape>`: bench/server/servers.ts and the kit source bundled by esbuild for platform node with the `@centagate-kit/source` + `node` conditions, as an app builds its server; no TypeScript loader in the measured processes), 127.0.0.1, autocannon 9 in this process; latencies are per-response float times; CPU per request = process.cpuUsage delta reported by the server process over the measured window / requests served.',
  '- Browser: the page bench/browser/page (kit OtpField + kit CSS + the kit client\'s `createDeviceSignals().start()` on mount) built with `vite build`, served from 127.0.0.1; each run launches Chromium with a fresh profile directory; "interactive" = the OTP input is in the document and enabled (MutationObserver installed before any page script), from navigation start; fingerprint ready = mount -> `signals.get()` returns a visitor id.',
  '',
]
if (details.length > 0) lines.push('## Bundle detail', '', ...details, '')
if (server) {
  lines.push('## Server detail', '', `- Keeping sms/verify repeatable: ${server.repeatability}.`)
  if (server.kitProbe) lines.push(`- Kit probe answer (status, body): \`${server.kitProbe}\``)
  for (const [shape, reason] of Object.entries(server.missing)) {
    lines.push(`- ${shape} not measured: ${reason}`)
  }
  lines.push(
    '',
    '| shape | round | req/s | p50 ms | p99 ms | server CPU us/req | upstream CPU us/req | load generator CPU us/req | upstream calls/req |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  )
  for (const summary of Object.values(server.shapes)) {
    summary.rounds.forEach((round, index) => {
      lines.push(
        `| ${summary.shape} | ${index + 1} | ${Math.round(round.rps)} | ${round.p50.toFixed(3)} | ${round.p99.toFixed(3)} | ${round.cpuUs.toFixed(1)} | ${round.upstreamCpuUs?.toFixed(1) ?? ''} | ${round.loadgenCpuUs.toFixed(1)} | ${round.upstreamCallsPerRequest?.toFixed(2) ?? ''} |`,
      )
    })
  }
  lines.push('')
  if (server.profile) {
    const profile = server.profile
    const proxy = server.proxyProfile
    const perRequest = (summary: { requests: number }, ms: number) =>
      summary.requests > 0 ? ((ms * 1000) / summary.requests).toFixed(1) : ''
    lines.push(
      '## CPU profile of (c) the kit server under the same load',
      '',
      `\`node --cpu-prof\` of the kit server process (a fresh process, same upstream, same load) for one ${server.seconds} s run after a warm-up; ` +
        `${profile.windowed ? 'only the samples of the measured window are counted' : 'all samples (startup included: the window could not be located)'} ` +
        `(${profile.totalMs.toFixed(0)} ms, ${profile.requests} requests; file ${profile.file}).` +
        (proxy
          ? ` The pass-through proxy (b) was profiled the same way (${proxy.totalMs.toFixed(0)} ms, ${proxy.requests} requests; file ${proxy.file}), so each area shows its sampled time per request in both.`
          : ''),
      '',
    )
    if (proxy) {
      const proxyByArea = new Map(proxy.byArea.map((area) => [area.area, area.selfMs]))
      const areas = [
        ...new Set([...profile.byArea.map((area) => area.area), ...proxyByArea.keys()]),
      ]
      const kitByArea = new Map(profile.byArea.map((area) => [area.area, area.selfMs]))
      const rows = areas
        .map((area) => {
          const c =
            profile.requests > 0 ? ((kitByArea.get(area) ?? 0) * 1000) / profile.requests : 0
          const b = proxy.requests > 0 ? ((proxyByArea.get(area) ?? 0) * 1000) / proxy.requests : 0
          return { area, b, c }
        })
        .filter((row) => row.area !== '(idle)')
        .sort((x, y) => y.c - y.b - (x.c - x.b))
      const total = (summary: ProfileSummary) =>
        summary.byArea
          .filter((area) => area.area !== '(idle)')
          .reduce((sum, area) => sum + area.selfMs, 0)
      lines.push(
        '| busy time per request by area (idle excluded) | (b) proxy us/req | (c) kit us/req | c - b |',
        '|---|---:|---:|---:|',
        `| **all** | ${perRequest(proxy, total(proxy))} | ${perRequest(profile, total(profile))} | |`,
        ...rows
          .slice(0, 18)
          .map(
            (row) =>
              `| ${escape(row.area)} | ${row.b.toFixed(1)} | ${row.c.toFixed(1)} | ${(row.c - row.b).toFixed(1)} |`,
          ),
        '',
      )
    }
    lines.push(
      '| self time by area (c) | ms | % | us/req |',
      '|---|---:|---:|---:|',
      ...profile.byArea
        .slice(0, 14)
        .map(
          (area) =>
            `| ${area.area} | ${area.selfMs.toFixed(0)} | ${area.percent.toFixed(1)} | ${perRequest(profile, area.selfMs)} |`,
        ),
      '',
      '| self time charged to the nearest library / kit frame on the stack (c) | ms | % | us/req |',
      '|---|---:|---:|---:|',
      ...profile.byOwner.map(
        (owner) =>
          `| ${escape(owner.owner)} | ${owner.selfMs.toFixed(0)} | ${owner.percent.toFixed(1)} | ${perRequest(profile, owner.selfMs)} |`,
      ),
      '',
      '| top self-time functions (c) | where | ms | % |',
      '|---|---|---:|---:|',
      ...profile.top.map(
        (entry) =>
          `| ${escape(entry.name)} | ${escape(entry.where)} | ${entry.selfMs.toFixed(0)} | ${entry.percent.toFixed(1)} |`,
      ),
      '',
    )
  }
}
if (micro) {
  lines.push(
    '## Per-step micro-benchmarks (one core, awaited one at a time, median of 5 batches)',
    '',
    '| step | CPU us/op | wall us/op |',
    '|---|---:|---:|',
    ...micro.map(
      (row) => `| ${row.name} | ${row.cpuUsPerOp.toFixed(1)} | ${row.wallUsPerOp.toFixed(1)} |`,
    ),
    '',
  )
}
if (demo) {
  lines.push(
    '## Demo detail',
    '',
    '- `pnpm --filter demo build`, then `pnpm --filter demo preview` on a free port (built-in emulator). Each run: a fresh Chromium profile, `goto /`, fill alice / alice-password, Continue, "Security token" (then "Show challenge" if shown) until the response field (the kit OtpField) is interactive. Playwright acts as fast as it can, so the navigation -> OTP figure includes the scripted typing and clicks; the last-click figure is the kit\'s own work (request + render).',
  )
  for (const failure of demo.failures) lines.push(`- ${failure}`)
  lines.push(
    '',
    '| run | login form ms | OtpField ms | last click -> OtpField ms |',
    '|---:|---:|---:|---:|',
  )
  demo.runs.forEach((run, index) =>
    lines.push(
      `| ${index + 1} | ${run.loginInteractiveMs.toFixed(1)} | ${run.otpInteractiveMs.toFixed(1)} | ${run.lastClickToOtpMs.toFixed(1)} |`,
    ),
  )
  lines.push('')
}
if (browser) {
  lines.push('## Browser detail', '', `- Page: ${browser.page}`)
  for (const failure of browser.failures) lines.push(`- ${failure}`)
  lines.push(
    '',
    '| run | navigation -> interactive OtpField ms | mount -> fingerprint ready ms | DOMContentLoaded ms |',
    '|---:|---:|---:|---:|',
  )
  browser.runs.forEach((run, index) =>
    lines.push(
      `| ${index + 1} | ${run.otpInteractiveMs.toFixed(1)} | ${run.fingerprintReadyMs.toFixed(1)} | ${run.domContentLoadedMs.toFixed(1)} |`,
    ),
  )
  lines.push('')
}
writeFileSync(path.join(repoRoot, 'bench/results.md'), lines.join('\n'))
log(`wrote bench/results.md`)

if (updateReadme) {
  const begin = '<!-- bench:table:begin -->'
  const end = '<!-- bench:table:end -->'
  const header =
    `Measured ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC on nproc ${machine.nproc}, ${machine.cpuModel}, Node ${machine.node}; ` +
    `load average ${loadBefore[0]!.toFixed(1)} at start (the cores were shared with other jobs; see [results.md](RESULTS)):`
  // The same table in bench/README.md and in the root README (links relative to each).
  for (const [file, results] of [
    ['bench/README.md', './results.md'],
    ['README.md', 'bench/results.md'],
  ] as const) {
    const readmePath = path.join(repoRoot, file)
    const readme = readFileSync(readmePath, 'utf8')
    if (!readme.includes(begin)) continue
    const updated = readme.replace(
      new RegExp(`${begin}[\\s\\S]*${end}`),
      `${begin}\n${header.replace('RESULTS', results)}\n\n${table}\n${end}`,
    )
    writeFileSync(readmePath, updated)
    log(`updated the table in ${file}`)
  }
}
process.exit(0)
