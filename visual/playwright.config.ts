/**
 * Visual regression of every story: the static Storybook (`pnpm build-storybook`) rendered in
 * Debian's Chromium at 375 and 1280 px, light and dark, compared with the committed baselines in
 * visual/baselines/. Run through scripts/run-visual.mjs (`pnpm test:visual`, `--update` to
 * accept a change of look on purpose).
 */
import { defineConfig } from '@playwright/test'
import { chromiumArgs, chromiumExecutable } from '../scripts/chromium.mjs'

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // One baseline per story, width and scheme: baselines/<story id>/<width>-<scheme>.png
  snapshotPathTemplate: '{testDir}/baselines/{arg}{ext}',
  fullyParallel: true,
  workers: Number(process.env.VISUAL_WORKERS ?? 2),
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? 'line' : 'list',
  outputDir: '../test-results/visual',
  expect: {
    toHaveScreenshot: {
      // Pixels that pixelmatch classifies as anti-aliasing are ignored (font smoothing passes);
      // any other pixel whose colour moved by more than 0.02 (YIQ distance, 0..1: a tint change a
      // designer would notice is above it) counts as changed, and more than 50 changed pixels
      // fail. A part moved by 2 px, a part in another colour or a missing part changes hundreds
      // of pixels (see visual/README.md for the proof).
      threshold: 0.02,
      maxDiffPixels: 50,
      animations: 'disabled',
      caret: 'hide',
      scale: 'css',
    },
  },
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs },
    locale: 'en-US',
    timezoneId: 'Asia/Kuala_Lumpur',
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
    trace: 'off',
  },
})
