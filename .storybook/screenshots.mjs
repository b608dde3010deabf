// Screenshots of built stories (after `pnpm build-storybook`): serves storybook-static on a free
// 127.0.0.1 port, opens each story's iframe in Debian Chromium (scripts/chromium.mjs), waits for
// its play function to reach the wanted state, and writes docs/screenshots/<name>-<width>.png.
// Usage: node .storybook/screenshots.mjs
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright'
import { chromiumLaunchOptions } from '../scripts/chromium.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const staticDir = path.join(root, 'storybook-static')
const outDir = path.join(root, 'docs', 'screenshots')
if (!existsSync(staticDir)) throw new Error('run `pnpm build-storybook` first')
mkdirSync(outDir, { recursive: true })

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
}
const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1')
  let file = path.join(staticDir, decodeURIComponent(url.pathname))
  if (!file.startsWith(staticDir)) return response.writeHead(403).end()
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html')
  if (!existsSync(file)) return response.writeHead(404).end()
  response.writeHead(200, {
    'content-type': types[path.extname(file)] ?? 'application/octet-stream',
  })
  createReadStream(file).pipe(response)
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const { port } = server.address()

const shots = [
  {
    name: 'qr-signing',
    id: 'flows-qrsigning--waiting-for-approval',
    ready: '[data-scope="qr-signing"][data-state="awaiting-approval"] [data-part="code"] svg',
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
    ready: '[data-scope="qr-signing"][data-state="awaiting-approval"] svg',
    widths: [375],
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
      await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${shot.id}&viewMode=story`)
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
  server.close()
}
