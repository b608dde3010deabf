/**
 * Browser timings (issue 8, part 3) in Debian Chromium through Playwright: the page of
 * bench/browser/page built with Vite (production build, served from 127.0.0.1), each run in a
 * fresh browser with a fresh profile directory. Measures, per run:
 * - navigation start -> the OTP input is in the document and enabled (a MutationObserver installed
 *   before any page script, so the figure does not depend on polling);
 * - mount -> fingerprint ready (the page's own measurement through the kit's device signals).
 */
import { spawnSync } from 'node:child_process'
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright'
import { chromiumArgs, chromiumExecutable } from '../../scripts/chromium.mjs'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const distDir = path.join(repoRoot, 'bench/dist/browser-page')

export interface BrowserRun {
  otpInteractiveMs: number
  fingerprintReadyMs: number
  domContentLoadedMs: number
}

export interface BrowserBenchResult {
  runs: BrowserRun[]
  failures: string[]
  page: string
  chromiumVersion: string
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}

/** A static server for the built page (loopback, free port). */
function serve(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    const file = path.join(dir, pathname === '/' ? 'index.html' : pathname)
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, {
      'content-type': types[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    })
    createReadStream(file).pipe(response)
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      if (address === null || typeof address === 'string') throw new Error('no port')
      resolve({
        url: `http://127.0.0.1:${address.port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      })
    })
  })
}

/**
 * Runs in the page before its scripts: records when the OTP input becomes usable. A string, not a
 * function: tsx would wrap named functions in a `__name` helper that does not exist in the page.
 */
const otpObserver = `
  (() => {
    const bench = (window.__bench ??= {})
    const observer = new MutationObserver(() => {
      const input = document.querySelector('input[autocomplete="one-time-code"]')
      if (input && input.isConnected && !input.disabled && bench.otpInteractiveMs === undefined) {
        bench.otpInteractiveMs = performance.now()
        observer.disconnect()
      }
    })
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] })
  })()
`

export function buildPage(): void {
  const result = spawnSync(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'bench/browser/vite.config.ts',
    ],
    { cwd: repoRoot, encoding: 'utf8' },
  )
  if (result.status !== 0) {
    throw new Error(`vite build failed: ${(result.stderr || result.stdout).slice(0, 800)}`)
  }
}

export async function runBrowserBench(options: {
  runs: number
  log: (line: string) => void
}): Promise<BrowserBenchResult> {
  buildPage()
  const server = await serve(distDir)
  const result: BrowserBenchResult = {
    runs: [],
    failures: [],
    page: 'bench/browser/page (OtpField + kit CSS + createDeviceSignals), vite build',
    chromiumVersion: '',
  }
  try {
    for (let run = 0; run < options.runs; run++) {
      const profile = mkdtempSync(path.join(tmpdir(), 'centagate-bench-profile-'))
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: chromiumExecutable,
        args: chromiumArgs,
        headless: true,
      })
      try {
        result.chromiumVersion = context.browser()?.version() ?? result.chromiumVersion
        await context.addInitScript({ content: otpObserver })
        const page = context.pages()[0] ?? (await context.newPage())
        await page.goto(server.url, { waitUntil: 'load' })
        await page.waitForFunction(
          () => {
            const bench = (window as unknown as { __bench?: Record<string, unknown> }).__bench
            return (
              bench !== undefined &&
              bench.otpInteractiveMs !== undefined &&
              (bench.fingerprintReadyMs !== undefined || bench.fingerprintError !== undefined)
            )
          },
          undefined,
          { timeout: 20_000 },
        )
        const figures = (await page.evaluate(() => {
          const bench = (window as unknown as { __bench: Record<string, number | string> }).__bench
          const navigation = performance.getEntriesByType('navigation')[0] as
            PerformanceNavigationTiming | undefined
          return { ...bench, domContentLoadedMs: navigation?.domContentLoadedEventEnd ?? -1 }
        })) as Record<string, number | string | undefined>
        if (typeof figures.fingerprintError === 'string') {
          result.failures.push(`run ${run + 1}: ${figures.fingerprintError}`)
          continue
        }
        const row: BrowserRun = {
          otpInteractiveMs: Number(figures.otpInteractiveMs),
          fingerprintReadyMs: Number(figures.fingerprintReadyMs),
          domContentLoadedMs: Number(figures.domContentLoadedMs),
        }
        result.runs.push(row)
        options.log(
          `browser run ${run + 1}/${options.runs}: OTP field interactive ${row.otpInteractiveMs.toFixed(
            1,
          )} ms after navigation start, fingerprint ready ${row.fingerprintReadyMs.toFixed(1)} ms after mount`,
        )
      } catch (error) {
        result.failures.push(`run ${run + 1}: ${(error as Error).message.split('\n')[0]}`)
      } finally {
        await context.close()
        rmSync(profile, { recursive: true, force: true })
      }
    }
  } finally {
    await server.close()
  }
  return result
}
