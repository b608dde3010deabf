// Builds the package in the current directory for publishing: every `exports` and `imports` entry
// that has a source condition is bundled to dist/ with esbuild (dependencies external, ESM, modern
// target), then tsc emits declarations. `#` imports stay imports in the output, so dist/ picks
// their target at run time by condition (e.g. server's `#server-crypto`: node:crypto on Node).
// Tests, Storybook and the demo never need this: they run from source.
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'

const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
const entries = new Set()
const collect = (value) => {
  if (typeof value === 'string') return
  for (const [condition, target] of Object.entries(value ?? {})) {
    if (condition === '@centagate-kit/source') {
      if (typeof target === 'string') entries.add(target)
      else for (const file of Object.values(target)) entries.add(file)
    } else if (typeof target === 'object') collect(target)
  }
}
for (const target of Object.values(pkg.exports ?? {})) collect(target)
for (const target of Object.values(pkg.imports ?? {})) collect(target)

rmSync('dist', { recursive: true, force: true })
await build({
  entryPoints: [...entries].filter((file) => /\.tsx?$/.test(file)),
  outdir: 'dist',
  outbase: 'src',
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  platform: 'neutral',
  packages: 'external',
  // Every target of a `#` import is an entry above; bundling one in would freeze its condition.
  external: Object.keys(pkg.imports ?? {}),
  jsx: 'automatic',
  minify: false,
  sourcemap: true,
  logLevel: 'warning',
})
const tsconfig = {
  extends: './tsconfig.json',
  compilerOptions: {
    noEmit: false,
    emitDeclarationOnly: true,
    declaration: true,
    outDir: 'dist',
    rootDir: 'src',
  },
  include: ['src'],
  exclude: ['src/**/*.test.*', 'src/**/*.stories.*'],
}
writeFileSync('tsconfig.build.json', JSON.stringify(tsconfig, null, 2))
try {
  execFileSync('pnpm', ['exec', 'tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' })
} finally {
  rmSync('tsconfig.build.json')
}
console.log(`built ${pkg.name}: ${entries.size} entries -> ${path.resolve('dist')}`)
