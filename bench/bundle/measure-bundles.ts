/**
 * Bundle cost of @centagate-kit/react entries, measured the way an app would pay for them:
 * esbuild (bundle, minify, ESM, browser platform, code splitting, target es2020, UTF-8 output),
 * the package's `@centagate-kit/source` export condition (no build step), and the peer
 * dependencies external (react, react-dom, react/jsx-runtime, @tanstack/react-query). Sizes are
 * gzip level 9 per output file, summed. KB = 1024 bytes.
 *
 * Every entry is split into:
 * - initial: the entry chunk plus the chunks it imports statically (what the page loads at once);
 * - fingerprint: the lazy chunk(s) behind the dynamic import that holds @fingerprintjs;
 * - locale: lazily loaded message catalogues (packages/react/src/messages/texts/*); a page loads
 *   one, so the largest one counts;
 * - other lazy: any other dynamic import (all of it counts).
 * "cost" = initial + other lazy + the largest locale chunk (everything but the fingerprint).
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import * as esbuild from 'esbuild'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const reactPackageDir = path.join(repoRoot, 'packages/react')

/** Peer dependencies an app already has: never counted. */
export const externalPackages = [
  'react',
  'react-dom',
  'react/jsx-runtime',
  '@tanstack/react-query',
  // jsx-dev-runtime / react-dom/client never appear in a production build, but keep React out
  // entirely if some file reaches for a subpath.
  'react/*',
  'react-dom/*',
]

export interface KitEntry {
  /** Short id used in tables and test names. */
  id: string
  /** What an app imports. */
  label: string
  /** Subpath of the package's `exports` map. */
  subpath: string
  /** Source of the entry module that esbuild bundles. */
  code: string
  /** Budget, gzip KB, for `cost` (everything but the fingerprint chunk). */
  budgetKb?: number
}

export const kitEntries: KitEntry[] = [
  {
    id: 'OtpField',
    label: "OtpField alone ('@centagate-kit/react/otp-field')",
    subpath: './otp-field',
    code: "export { OtpField } from '@centagate-kit/react/otp-field'",
    budgetKb: 6,
  },
  {
    id: 'SmsOtp',
    label: "SmsOtp ('@centagate-kit/react/sms-otp')",
    subpath: './sms-otp',
    code: "export { SmsOtp } from '@centagate-kit/react/sms-otp'",
  },
  {
    id: 'ChallengeResponse',
    label: "ChallengeResponse ('@centagate-kit/react/challenge-response')",
    subpath: './challenge-response',
    code: "export { ChallengeResponse } from '@centagate-kit/react/challenge-response'",
  },
  {
    id: 'QrSigning',
    label: "QrSigning ('@centagate-kit/react/qr-signing', with lean-qr)",
    subpath: './qr-signing',
    code: "export { QrSigning } from '@centagate-kit/react/qr-signing'",
  },
  {
    id: 'WholeKit',
    label: "whole kit ('@centagate-kit/react', export *)",
    subpath: '.',
    code: "export * from '@centagate-kit/react'",
    budgetKb: 25,
  },
]

/**
 * Where the fingerprint chunk is measured when the whole kit does not reach FingerprintJS (yet):
 * the client's device signals, as the react package would import them.
 */
export const deviceSignalsEntry: KitEntry = {
  id: 'DeviceSignals',
  label: "createDeviceSignals ('@centagate-kit/client')",
  subpath: '.',
  code: "export { createDeviceSignals } from '@centagate-kit/client'",
}

export const fingerprintBudgetKb = 17
export const cssBudgetKb = 5

interface ReactPackageJson {
  exports: Record<string, string | Record<string, string>>
}

/** The source file the `@centagate-kit/source` condition maps a subpath to (may not exist yet). */
export function sourceFileOf(subpath: string): string {
  const pkg = JSON.parse(
    readFileSync(path.join(reactPackageDir, 'package.json'), 'utf8'),
  ) as ReactPackageJson
  const target = pkg.exports[subpath]
  if (target === undefined) throw new Error(`@centagate-kit/react has no export ${subpath}`)
  const file = typeof target === 'string' ? target : target['@centagate-kit/source']
  if (file === undefined) throw new Error(`export ${subpath} has no @centagate-kit/source target`)
  return path.join(reactPackageDir, file)
}

export const kb = (bytes: number): number => bytes / 1024

export interface ChunkGroup {
  files: string[]
  minBytes: number
  gzipBytes: number
}

export interface BundleResult {
  entry: KitEntry
  initial: ChunkGroup
  fingerprint: ChunkGroup
  locales: ChunkGroup[]
  otherLazy: ChunkGroup
  /** initial + otherLazy + largest locale: what the budget applies to. */
  costGzipBytes: number
  costMinBytes: number
  /** Every input file of every output (package name for node_modules inputs). */
  inputs: string[]
  /** Whether @fingerprintjs ended up in a chunk loaded at once (it must be lazy). */
  fingerprintInInitial: boolean
  /** Largest contributors to the initial JS, minified bytes in output. */
  topInitialInputs: Array<{ name: string; bytes: number }>
}

const gzip = (data: Uint8Array): number => gzipSync(data, { level: 9 }).length

/** Package name for an input inside node_modules, else the repo-relative path. */
export function inputName(input: string): string {
  const match = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(input)
  if (match?.[1]) return match[1]
  return path.relative(repoRoot, path.resolve(repoRoot, input))
}

const isFingerprintInput = (input: string) => inputName(input) === '@fingerprintjs/fingerprintjs'
const isLocaleInput = (input: string) =>
  /packages\/react\/src\/messages\/(?:texts\/)?(?:en|ms|id|zh-CN)\.ts$/.test(input)

const stdinDir = path.join(reactPackageDir, 'src')
const stdinName = (entry: KitEntry) => `bench-entry-${entry.id}.ts`

/** Bundles one entry (in memory) and sorts its output chunks into initial / lazy groups. */
export async function measureEntry(entry: KitEntry): Promise<BundleResult> {
  const outdir = path.join(repoRoot, 'bench/dist', entry.id)
  const result = await esbuild.build({
    stdin: {
      contents: entry.code,
      // Inside the package, so `@centagate-kit/react` resolves as a package self-reference through
      // its exports map (the bench folder is not a workspace package).
      resolveDir: stdinDir,
      sourcefile: stdinName(entry),
      loader: 'ts',
    },
    absWorkingDir: repoRoot,
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    platform: 'browser',
    target: 'es2020',
    jsx: 'automatic',
    // App bundlers (Vite/Rollup/rolldown, webpack) emit UTF-8; esbuild's default ASCII output
    // writes every non-ASCII character as a \u escape, which would inflate the zh-CN catalogue.
    charset: 'utf8',
    conditions: ['@centagate-kit/source'],
    external: externalPackages,
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir,
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const outputs = result.metafile.outputs
  const files = new Map(
    result.outputFiles.map((file) => [path.relative(repoRoot, file.path), file]),
  )
  const sizeOf = (names: Iterable<string>): ChunkGroup => {
    const list = [...names].filter((name) => name.endsWith('.js'))
    let minBytes = 0
    let gzipBytes = 0
    for (const name of list) {
      const file = files.get(name)
      if (!file) throw new Error(`esbuild output ${name} missing from outputFiles`)
      minBytes += file.contents.length
      gzipBytes += gzip(file.contents)
    }
    return { files: list, minBytes, gzipBytes }
  }
  const staticClosure = (start: string, exclude: Set<string> = new Set()): Set<string> => {
    const seen = new Set<string>()
    const stack = [start]
    while (stack.length > 0) {
      const name = stack.pop()!
      if (seen.has(name) || exclude.has(name)) continue
      seen.add(name)
      for (const imported of outputs[name]?.imports ?? []) {
        if (imported.kind === 'import-statement' && outputs[imported.path])
          stack.push(imported.path)
      }
    }
    return seen
  }

  // Dynamic import targets also carry an `entryPoint`; the real entry is the stdin module.
  const entrySource = path.relative(repoRoot, path.join(stdinDir, stdinName(entry)))
  const entryOutput = Object.keys(outputs).find((name) => outputs[name]?.entryPoint === entrySource)
  if (!entryOutput) throw new Error(`no entry chunk for ${entry.id}`)
  const initial = staticClosure(entryOutput)

  // Every dynamic import target starts a lazy group: its static closure minus what is loaded.
  const lazyStarts = new Set<string>()
  for (const output of Object.values(outputs)) {
    for (const imported of output.imports) {
      if (imported.kind === 'dynamic-import' && outputs[imported.path])
        lazyStarts.add(imported.path)
    }
  }
  const groupInputs = (group: Set<string>) =>
    [...group].flatMap((name) => Object.keys(outputs[name]?.inputs ?? {}))
  const fingerprint = new Set<string>()
  const locales: Set<string>[] = []
  const otherLazy = new Set<string>()
  for (const start of lazyStarts) {
    if (initial.has(start)) continue
    const group = staticClosure(start, initial)
    const inputs = groupInputs(group)
    const target = outputs[start]?.entryPoint ?? ''
    if (inputs.some(isFingerprintInput) || isFingerprintInput(target))
      group.forEach((name) => fingerprint.add(name))
    else if (isLocaleInput(target) && inputs.every(isLocaleInput)) locales.push(group)
    else group.forEach((name) => otherLazy.add(name))
  }
  // A chunk in both the fingerprint and another group is counted with the fingerprint only.
  for (const name of fingerprint) otherLazy.delete(name)

  const initialSize = sizeOf(initial)
  const fingerprintSize = sizeOf(fingerprint)
  const localeSizes = locales
    .map((group) => sizeOf(group))
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
  const otherSize = sizeOf(otherLazy)
  const largestLocale = localeSizes[0]

  const inputs = [
    ...new Set(Object.values(outputs).flatMap((output) => Object.keys(output.inputs))),
  ]
  const contributions = new Map<string, number>()
  for (const name of initial) {
    for (const [input, info] of Object.entries(outputs[name]?.inputs ?? {})) {
      const key = inputName(input)
      contributions.set(key, (contributions.get(key) ?? 0) + info.bytesInOutput)
    }
  }
  return {
    entry,
    initial: initialSize,
    fingerprint: fingerprintSize,
    locales: localeSizes,
    otherLazy: otherSize,
    costGzipBytes: initialSize.gzipBytes + otherSize.gzipBytes + (largestLocale?.gzipBytes ?? 0),
    costMinBytes: initialSize.minBytes + otherSize.minBytes + (largestLocale?.minBytes ?? 0),
    inputs,
    fingerprintInInitial: groupInputs(initial).some(isFingerprintInput),
    topInitialInputs: [...contributions]
      .map(([name, bytes]) => ({ name, bytes }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 8),
  }
}

export interface CssResult {
  file: string
  minBytes: number
  gzipBytes: number
}

/** The kit stylesheet, bundled (its @imports inlined) and minified like an app build would. */
export async function measureCss(): Promise<CssResult> {
  const file = sourceFileOf('./styles.css')
  const result = await esbuild.build({
    entryPoints: [file],
    absWorkingDir: repoRoot,
    bundle: true,
    minify: true,
    loader: { '.css': 'css' },
    outdir: path.join(repoRoot, 'bench/dist/css'),
    write: false,
    logLevel: 'silent',
  })
  const css = result.outputFiles.find((output) => output.path.endsWith('.css'))
  if (!css) throw new Error('esbuild produced no CSS')
  return { file, minBytes: css.contents.length, gzipBytes: gzip(css.contents) }
}

/** Whether an entry can be measured yet (the react package is being written as we measure). */
export function entryExists(subpath: string): boolean {
  return existsSync(sourceFileOf(subpath))
}
