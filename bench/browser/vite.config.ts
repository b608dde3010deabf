import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { type Plugin, defineConfig } from 'vite'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

type ExportTarget = string | { [condition: string]: ExportTarget }

/**
 * bench/ is not a workspace package, so `@centagate-kit/*` does not resolve from here: map the
 * page's imports through each package's exports map with the `@centagate-kit/source` condition
 * (what the demo gets through its workspace dependencies).
 */
function workspaceSource(): Plugin {
  return {
    name: 'bench-workspace-source',
    enforce: 'pre',
    resolveId(id) {
      const match = /^@centagate-kit\/([a-z-]+)(\/.*)?$/.exec(id)
      if (!match) return null
      const packageDir = path.join(repoRoot, 'packages', match[1]!)
      const pkg = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
        exports: Record<string, ExportTarget>
      }
      let target: ExportTarget | undefined = pkg.exports[`.${match[2] ?? ''}`]
      while (target !== undefined && typeof target !== 'string') {
        target = target['@centagate-kit/source'] ?? target.browser ?? target.default
      }
      return target === undefined ? null : path.join(packageDir, target)
    },
  }
}

export default defineConfig({
  root: path.join(repoRoot, 'bench/browser/page'),
  base: './',
  logLevel: 'warn',
  plugins: [workspaceSource(), react()],
  resolve: {
    conditions: ['@centagate-kit/source', 'browser', 'module', 'import', 'default'],
    dedupe: ['react', 'react-dom'],
  },
  build: {
    outDir: path.join(repoRoot, 'bench/dist/browser-page'),
    emptyOutDir: true,
    reportCompressedSize: false,
  },
})
