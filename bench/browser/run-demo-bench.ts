/**
 * Browser timings over the built demo (apps/demo: `vite build` + `vite preview`, the in-process
 * emulator as CENTAGATE), in Debian Chromium with a fresh profile per run. A scripted user logs in
 * as alice and picks the hardware token, as fast as Playwright can act:
 * - navigation start -> the login form is interactive (Username field in the document, enabled);
 * - navigation start -> the kit's OTP field (token response) is interactive;
 * - the last click before it ("Security token", or "Show challenge") -> OTP field interactive.
 * Times come from the page's clock (a MutationObserver and a click listener installed before any
 * page script), not from Playwright's.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright'
import { freeLoopbackPort } from '@centagate-kit/testkit/free-port'
import { chromiumArgs, chromiumExecutable } from '../../scripts/chromium.mjs'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface DemoRun {
  loginInteractiveMs: number
  otpInteractiveMs: number
  lastClickToOtpMs: number
}

export interface DemoBenchResult {
  runs: DemoRun[]
  failures: string[]
}

const observer = `
  (() => {
    const bench = (window.__bench ??= {})
    addEventListener('click', () => { bench.lastClickMs = performance.now() }, true)
    const observer = new MutationObserver(() => {
      if (bench.loginInteractiveMs === undefined) {
        const username = document.querySelector('input[name="username"], input[autocomplete="username"]')
        if (username && !username.disabled) bench.loginInteractiveMs = performance.now()
      }
      const otp = document.querySelector('input[autocomplete="one-time-code"]')
      if (otp && otp.isConnected && !otp.disabled && bench.otpInteractiveMs === undefined) {
        bench.otpInteractiveMs = performance.now()
        bench.lastClickToOtpMs = performance.now() - (bench.lastClickMs ?? 0)
        observer.disconnect()
      }
    })
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] })
  })()
`

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`)
}

export async function runDemoBench(options: {
  runs: number
  log: (line: string) => void
}): Promise<DemoBenchResult> {
  const build = spawnSync('pnpm', ['--filter', 'demo', 'build'], {
    cwd: repoRoot,
    encoding: 'utf8',
  })
  if (build.status !== 0) {
    throw new Error(`demo build failed: ${(build.stderr || build.stdout).slice(-600)}`)
  }
  const port = await freeLoopbackPort()
  const preview: ChildProcess = spawn('pnpm', ['--filter', 'demo', 'preview'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port) },
    stdio: 'ignore',
    detached: true, // its own process group: stopped with everything it started, by our PID
  })
  const stopPreview = () => {
    // The preview (pnpm -> node vite preview) runs in its own group, which we created.
    if (preview.pid === undefined || preview.exitCode !== null) return
    try {
      process.kill(-preview.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
  process.once('exit', stopPreview)
  const origin = `http://127.0.0.1:${port}`
  const result: DemoBenchResult = { runs: [], failures: [] }
  try {
    await waitFor(`${origin}/api/bank/config`, 60_000)
    for (let run = 0; run < options.runs; run++) {
      const profile = mkdtempSync(path.join(tmpdir(), 'centagate-bench-demo-'))
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: chromiumExecutable,
        args: chromiumArgs,
        headless: true,
      })
      try {
        await context.addInitScript({ content: observer })
        const page = context.pages()[0] ?? (await context.newPage())
        await page.goto(`${origin}/`)
        await page.getByLabel('Username').fill('alice')
        await page.getByLabel('Password').fill('alice-password')
        await page.getByRole('button', { name: 'Continue' }).click()
        await page.getByRole('button', { name: /Security token/ }).click()
        const field = page.getByLabel(/Response from your token/)
        const show = page.getByRole('button', { name: 'Show challenge' })
        await field.or(show).first().waitFor({ timeout: 15_000 })
        if (!(await field.isVisible())) await show.click()
        await field.waitFor({ timeout: 15_000 })
        await page.waitForFunction(
          () =>
            (window as unknown as { __bench?: { otpInteractiveMs?: number } }).__bench
              ?.otpInteractiveMs !== undefined,
        )
        const figures = (await page.evaluate(
          () => (window as unknown as { __bench: Record<string, number> }).__bench,
        )) as Record<string, number | undefined>
        const row: DemoRun = {
          loginInteractiveMs: Number(figures.loginInteractiveMs),
          otpInteractiveMs: Number(figures.otpInteractiveMs),
          lastClickToOtpMs: Number(figures.lastClickToOtpMs),
        }
        result.runs.push(row)
        options.log(
          `demo run ${run + 1}/${options.runs}: login form ${row.loginInteractiveMs.toFixed(0)} ms, ` +
            `OTP field ${row.otpInteractiveMs.toFixed(0)} ms after navigation start ` +
            `(${row.lastClickToOtpMs.toFixed(0)} ms after the last click)`,
        )
      } catch (error) {
        result.failures.push(`demo run ${run + 1}: ${(error as Error).message.split('\n')[0]}`)
      } finally {
        await context.close()
        rmSync(profile, { recursive: true, force: true })
      }
    }
  } finally {
    stopPreview()
    process.off('exit', stopPreview)
  }
  return result
}
