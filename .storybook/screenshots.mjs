// Screenshots of built stories (after `pnpm build-storybook`): serves storybook-static on a free
// 127.0.0.1 port, opens each story's iframe in Debian Chromium (scripts/chromium.mjs), waits for
// its play function to reach the wanted state, and writes docs/screenshots/<name>-<width>.png.
// Usage: node .storybook/screenshots.mjs
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright'
import { chromiumLaunchOptions } from '../scripts/chromium.mjs'
import { serveStatic } from '../scripts/serve-static.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const staticDir = path.join(root, 'storybook-static')
const outDir = path.join(root, 'docs', 'screenshots')
if (!existsSync(staticDir)) throw new Error('run `pnpm build-storybook` first')
mkdirSync(outDir, { recursive: true })
const server = await serveStatic(staticDir)

const shots = [
  {
    name: 'qr-signing',
    id: 'flows-qrsigning--waiting-for-approval',
    // The drawn QR (qrcode.react loads lazily; its blank placeholder has no data-qr-value).
    ready: '[data-scope="qr-signing"][data-state="awaiting-approval"] svg[data-qr-value]',
  },
  {
    name: 'otp-field',
    id: 'components-otpfield--wrong-code',
    ready: '[data-scope="otp-field"][data-part="message"]:not(:empty)',
  },
  {
    name: 'sms-otp',
    id: 'flows-smsotp--wrong-code',
    ready: '[data-scope="otp-field"][data-part="message"]:not(:empty)',
  },
  {
    name: 'step-up',
    id: 'flows-stepup--choose-method',
    ready: '[data-scope="step-up"][data-state="choosing"]',
  },
  {
    name: 'qr-signing-dark',
    id: 'flows-qrsigning--dark',
    ready: '[data-scope="qr-signing"][data-state="awaiting-approval"] svg[data-qr-value]',
    widths: [375],
  },
  {
    name: 'security-settings',
    id: 'flows-securitysettings--ready',
    ready: '[data-scope="security-settings"][data-state="ready"] [data-part="item"]',
  },
  {
    name: 'challenge-rtl',
    id: 'flows-challengeresponse--right-to-left-page',
    ready: '[data-part="challenge-digits"]',
    widths: [375],
  },
]
const browser = await chromium.launch(chromiumLaunchOptions)
try {
  for (const shot of shots) {
    for (const width of shot.widths ?? [375, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 })
      await page.goto(`${server.url}/iframe.html?id=${shot.id}&viewMode=story`)
      await page.waitForSelector(shot.ready, { timeout: 20_000 })
      await page.waitForTimeout(300)
      const file = path.join(outDir, `${shot.name}-${width}.png`)
      await page.screenshot({ path: file, fullPage: true })
      process.stdout.write(`wrote ${path.relative(root, file)}\n`)
      await page.close()
    }
  }
} finally {
  await browser.close()
  await server.close()
}
