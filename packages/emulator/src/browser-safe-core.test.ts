// The core (everything but the Node entries, tests and bin/) must run in a browser (Storybook runs
// the emulator inside Chromium): no node:* imports and no Buffer.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const src = path.dirname(fileURLToPath(import.meta.url))
const nodeOnly = new Set(['node.ts', 'node-listener.ts', 'vite.ts', 'cli.ts'])

function coreFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return coreFiles(full)
    if (!name.endsWith('.ts') || name.endsWith('.test.ts')) return []
    return dir === src && nodeOnly.has(name) ? [] : [full]
  })
}

describe('browser-safe core', () => {
  const files = coreFiles(src)
  it('finds the core files', () => {
    expect(files.length).toBeGreaterThan(20)
  })
  it.each(files.map((file) => [path.relative(src, file), file]))(
    '%s uses no node:* and no Buffer',
    (_name, file) => {
      const text = readFileSync(file, 'utf8')
      expect(text).not.toMatch(/from ['"]node:/)
      expect(text).not.toMatch(/\bBuffer\s*[.(<]/)
      expect(text).not.toMatch(/\bprocess\./)
    },
  )
})
