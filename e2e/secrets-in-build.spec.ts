/**
 * Threat: a secret configured on the server (secret key, integration key, cookie/receipt secret)
 * compiled into what ships to browsers: the demo's production JavaScript or the static Storybook.
 * The e2e web server built the demo with the canary values in its environment; none may appear.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import { canaryValues } from './support/canary'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const shippedExtensions = /\.(js|mjs|css|html|json|map|txt|svg)$/

function shippedFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    if (statSync(file).isDirectory()) return shippedFiles(file)
    return shippedExtensions.test(name) ? [file] : []
  })
}

// The canaries the e2e server ran with, plus real CENTAGATE secrets if this shell has any.
const secretValues = [
  ...canaryValues,
  ...['CENTAGATE_SECRET_KEY', 'CENTAGATE_INTEGRATION_KEY', 'CENTAGATE_COOKIE_SECRET']
    .map((name) => process.env[name])
    .filter((value): value is string => typeof value === 'string' && value.length >= 8),
]

function leaksIn(dir: string): string[] {
  return shippedFiles(dir).flatMap((file) => {
    const text = readFileSync(file, 'utf8')
    return secretValues.filter((value) => text.includes(value)).map(() => path.relative(root, file))
  })
}

test('the built demo JavaScript contains none of the configured secrets', () => {
  const files = shippedFiles(path.join(root, 'apps/demo/dist'))
  expect(
    files.some((file) => file.endsWith('.js')),
    'apps/demo/dist has JavaScript',
  ).toBe(true)
  expect(leaksIn(path.join(root, 'apps/demo/dist'))).toEqual([])
})

test('the static Storybook, when built, contains none of the configured secrets', () => {
  const dir = path.join(root, 'storybook-static')
  test.skip(!existsSync(dir), 'storybook-static/ not built (pnpm build-storybook)')
  expect(leaksIn(dir)).toEqual([])
})

test('the built demo JavaScript carries no signing or emulator code', () => {
  const scripts = shippedFiles(path.join(root, 'apps/demo/dist')).filter((file) =>
    file.endsWith('.js'),
  )
  const code = scripts.map((file) => readFileSync(file, 'utf8')).join('\n')
  // Signing happens on the server only; the emulator runs in the server process.
  for (const marker of [
    'crypto.subtle',
    'importKey',
    'x-centagate-emulator-signed-order',
    'OCRA-1:',
  ]) {
    expect(code.includes(marker), `dist contains ${marker}`).toBe(false)
  }
})
