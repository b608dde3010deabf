// The core must run in a browser (Storybook runs this handler + the emulator in Chromium): no
// node:*, undici, ioredis or Buffer outside the Node-only adapters (and their bridge, fetch and
// default transport) and the Redis store.
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

const src = dirname(fileURLToPath(import.meta.url))
const nodeOnly = new Set([
  'adapters/node.ts',
  'adapters/express.ts',
  'adapters/fastify.ts',
  'adapters/vite.ts',
  'adapters/node-bridge.ts',
  'adapters/node-fetch.ts',
  'adapters/node-transport.ts',
  'rate-limit/redis-store.ts',
  // The `centagate-kit` CLI entry (bin/centagate-kit.mjs); the doctor it runs is browser-safe.
  'cli/cli.ts',
  // The `node` condition of `#server-crypto`; browsers resolve the Web Crypto engine instead.
  'crypto/node-server-crypto.ts',
])

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
  })
}

describe('browser safety of the core', () => {
  it('no Node-only import or Buffer outside the Node-only modules', () => {
    const offenders: string[] = []
    for (const file of sourceFiles(src)) {
      const name = relative(src, file)
      if (nodeOnly.has(name)) continue
      const text = readFileSync(file, 'utf8')
      if (/from '(node:[^']+|undici|ioredis)'|\bBuffer\b/.test(text)) offenders.push(name)
    }
    expect(offenders).toEqual([])
  })

  it('the core and the Next and Hono adapters bundle for the browser platform', async () => {
    const result = await build({
      stdin: {
        contents: [
          `export * from './index'`,
          `export * from './adapters/next'`,
          `export * from './adapters/hono'`,
        ].join('\n'),
        resolveDir: src,
        loader: 'ts',
      },
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      conditions: ['@centagate-kit/source', 'browser'],
      external: ['hono'],
      logLevel: 'silent',
    })
    const text = result.outputFiles.map((file) => file.text).join('\n')
    expect(text).not.toMatch(/from ["']node:|require\(["']node:|undici|ioredis/)
    // The Web Crypto signing engine, not node:crypto.
    expect(text).toContain('web-crypto')
  })
})
