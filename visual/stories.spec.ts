/**
 * Every story of the static Storybook, as a picture: rendered once (its play function runs to the
 * state it shows), then captured at 375 and 1280 px wide in the light and the dark scheme — only
 * the frame's `data-theme` and the viewport change between the four pictures, the widget keeps
 * its state. Deterministic: the page's clock starts at a fixed time and is paused once the story
 * finished (no countdown tick or poll re-renders it while it is captured), animations are off,
 * fonts are the system fonts of Debian's Chromium, and what is random by nature (QR symbols,
 * challenges, manual codes, the authenticator key) or counts down (timers) is masked.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Page, expect, test as base } from '@playwright/test'
import { serveStatic } from '../scripts/serve-static.mjs'

const storybookDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../storybook-static',
)

interface IndexEntry {
  id: string
  type: 'story' | 'docs'
  title: string
  name: string
}
const entries = Object.values(
  (
    JSON.parse(readFileSync(path.join(storybookDir, 'index.json'), 'utf8')) as {
      entries: Record<string, IndexEntry>
    }
  ).entries,
)
/** `pnpm test:visual --new` sets VISUAL_STORIES: only the stories that have no baseline yet. */
const only = process.env.VISUAL_STORIES?.split(',')
const stories = entries.filter(
  (entry) => entry.type === 'story' && (only === undefined || only.includes(entry.id)),
)

/** The static Storybook, served by each worker on a free port. */
const test = base.extend<object, { storybook: string }>({
  storybook: [
    // Playwright reads a fixture's dependencies from this pattern: this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await serveStatic(storybookDir)
      await use(server.url)
      await server.close()
    },
    { scope: 'worker' },
  ],
})

const widths = [375, 1280] as const
const schemes = ['light', 'dark'] as const
/** Random by nature or counting down: their place is kept, their pixels are not compared. */
const masked = [
  '[data-part$="timer"]',
  // Every QR symbol, inline or enlarged (qrcode.react's SVG inside a `data-qr` part).
  '[data-qr] > svg',
  // The authenticator's secret key, new on every enrolment.
  '[data-scope="authenticator-enrollment"][data-part="key"]',
  '[data-part="challenge-digits"]',
  'details[open] [data-part="manual-code"]',
].join(', ')
/** 09:00:00 local time: times the widgets print ("Locked until 09:15") stay the same. */
const clockStart = new Date('2026-01-15T09:00:00+08:00')

/** The box around what the story shows (open dialogs included), with a 16 px margin. */
async function storyBox(page: Page) {
  return page.evaluate(() => {
    const frame = document.querySelector('[data-ck-frame]')
    const parts = [...(frame?.children ?? []), ...document.querySelectorAll('dialog[open]')]
    // In page coordinates: the play function may have scrolled (focus on a field further down).
    const rects = parts
      .map((part) => part.getBoundingClientRect())
      .filter((rect) => rect.width > 0)
      .map((rect) => ({
        left: rect.left + scrollX,
        top: rect.top + scrollY,
        right: rect.right + scrollX,
        bottom: rect.bottom + scrollY,
      }))
    const left = Math.max(0, Math.min(...rects.map((rect) => rect.left)) - 16)
    const top = Math.max(0, Math.min(...rects.map((rect) => rect.top)) - 16)
    const right = Math.min(
      document.documentElement.scrollWidth,
      Math.max(...rects.map((rect) => rect.right)) + 16,
    )
    const bottom = Math.max(...rects.map((rect) => rect.bottom)) + 16
    return {
      x: Math.floor(left),
      y: Math.floor(top),
      width: Math.ceil(right - left),
      height: Math.ceil(bottom - top),
    }
  })
}

interface StoryOutcome {
  status: string
  playError?: string
}
type VisualWindow = Window & { __visualStory?: StoryOutcome }
interface StorybookChannel {
  on(event: string, listener: (payload: { status?: string; message?: string }) => void): void
}

/**
 * Runs in the page before Storybook: listens on its channel for the end of the story (its
 * `storyFinished` status is 'error' when the play function threw) and keeps the outcome in
 * `window.__visualStory`. The phase alone does not tell: a failed play also ends 'finished'.
 */
function recordStoryOutcome() {
  const page = window as VisualWindow & { __STORYBOOK_ADDONS_CHANNEL__?: StorybookChannel }
  let channel: StorybookChannel | undefined
  let playError: string | undefined
  Object.defineProperty(page, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set: (value: StorybookChannel) => {
      channel = value
      value.on('playFunctionThrewException', (error) => {
        playError = error.message
      })
      value.on('storyFinished', (event) => {
        page.__visualStory = {
          status: event.status ?? 'unknown',
          ...(playError === undefined ? {} : { playError }),
        }
      })
    },
  })
}

for (const story of stories) {
  test(`${story.title} / ${story.name}`, async ({ page, storybook }) => {
    await page.clock.install({ time: clockStart })
    await page.addInitScript(recordStoryOutcome)
    await page.setViewportSize({ width: widths[0], height: 800 })
    // The a11y addon's automatic run is skipped: axe is the story tests' job.
    await page.goto(
      `${storybook}/iframe.html?id=${story.id}&viewMode=story&globals=a11y.manual:!true`,
    )
    const outcome = await page.waitForFunction(() => (window as VisualWindow).__visualStory, null, {
      timeout: 45_000,
    })
    // A story whose play function failed shows a state nobody meant: never a baseline.
    expect(await outcome.jsonValue(), 'the story and its play function ran without error').toEqual({
      status: 'success',
    })
    await expect(page.locator('body'), 'the story rendered without error').not.toHaveClass(
      /sb-show-errordisplay/,
    )
    // The lazy QR encoder has loaded: its blank placeholder is never pictured.
    await expect(
      page.locator('[data-qr] > svg[aria-busy="true"]'),
      'every QR code has been drawn',
    ).toHaveCount(0)
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000)

    const initialScheme = await page.locator('[data-ck-frame]').getAttribute('data-theme')
    for (const scheme of initialScheme === 'dark' ? [...schemes].reverse() : schemes) {
      await page
        .locator('[data-ck-frame]')
        .evaluate((frame, value) => frame.setAttribute('data-theme', value), scheme)
      for (const width of widths) {
        await page.setViewportSize({ width, height: 800 })
        await expect(page).toHaveScreenshot([story.id, `${width}-${scheme}.png`], {
          fullPage: true,
          clip: await storyBox(page),
          mask: [page.locator(masked)],
        })
      }
    }
  })
}
