/**
 * Bundle cost of @centagate-kit/react entries, measured the way an app pays for them: from the
 * packed tarballs installed with npm into an app folder (`installDir`, the vite-react consumer
 * fixture; see consumers/support/installed-kit.ts), resolved as an app's bundler resolves them
 * (the published `exports`, no source condition), with esbuild (bundle, minify, ESM, browser
 * platform, code splitting, target es2020, UTF-8 output) and the peer dependencies external
 * (react, react-dom, react/jsx-runtime, @tanstack/react-query). Sizes are gzip level 9 per output
 * file, summed. KB = 1024 bytes.
 *
 * Every entry is split into:
 * - initial: the entry chunk plus the chunks it imports statically (what the page loads at once);
 * - fingerprint: the lazy chunk(s) behind the dynamic import that holds @fingerprintjs;
 * - qr: the lazy chunk(s) behind the dynamic import that holds qrcode.react (the QR encoder);
 * - locale: lazily loaded message catalogues (@centagate-kit/react/dist/messages/texts/*); a page loads
 *   one, so the largest one counts;
 * - other lazy: any other dynamic import (all of it counts).
 * "cost" = initial + other lazy + the largest locale chunk (everything but the fingerprint and QR
 * chunks). Budgets apply to the initial group (what a page pays before anything lazy loads).
 */
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import * as esbuild from 'esbuild'

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
  /** Budget, gzip KB, for the initial group (lazy chunks apart). */
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
    label: "QrSigning ('@centagate-kit/react/qr-signing', qrcode.react lazy)",
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

export const kb = (bytes: number): number => bytes / 1024

/** The lazy chunks of a result, one line: `qrcode.react 5.1 KB, locale 2.0 KB (largest of 3)…`. */
export function describeLazyChunks(result: BundleResult): string {
  const f = (bytes: number) => `${kb(bytes).toFixed(2)} KB`
  const parts: string[] = []
  if (result.qr.files.length > 0) parts.push(`qrcode.react ${f(result.qr.gzipBytes)}`)
  if (result.fingerprint.files.length > 0) {
    parts.push(`fingerprint ${f(result.fingerprint.gzipBytes)}`)
  }
  const largest = result.locales[0]
  if (largest) {
    parts.push(`locale ${f(largest.gzipBytes)} (largest of ${result.locales.length})`)
  }
  if (result.otherLazy.files.length > 0) parts.push(`other ${f(result.otherLazy.gzipBytes)}`)
  return parts.length === 0 ? 'no lazy chunks' : `lazy: ${parts.join(', ')}`
}

export interface ChunkGroup {
  files: string[]
  minBytes: number
  gzipBytes: number
}

export interface BundleResult {
  entry: KitEntry
  initial: ChunkGroup
  fingerprint: ChunkGroup
  /** The lazy qrcode.react chunk(s). */
  qr: ChunkGroup
  locales: ChunkGroup[]
  otherLazy: ChunkGroup
  /** initial + otherLazy + largest locale (reported; budgets apply to `initial`). */
  costGzipBytes: number
  costMinBytes: number
  /** Every input file of every output (package name for node_modules inputs). */
  inputs: string[]
  /** Whether @fingerprintjs ended up in a chunk loaded at once (it must be lazy). */
  fingerprintInInitial: boolean
  /** Whether qrcode.react ended up in a chunk loaded at once (it must be lazy). */
  qrInInitial: boolean
  /** Largest contributors to the initial JS, minified bytes in output. */
  topInitialInputs: Array<{ name: string; bytes: number }>
}

const gzip = (data: Uint8Array): number => gzipSync(data, { level: 9 }).length

/**
 * Package name for an input inside node_modules; for the kit's own packages the module inside the
 * package too (`@centagate-kit/react/dist/step-up/step-up.js`), so the largest contributors say
 * which module they are.
 */
export function inputName(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)(\/.*)?$/.exec(input)
  if (!match?.[1]) return input
  return match[1].startsWith('@centagate-kit/') ? `${match[1]}${match[2] ?? ''}` : match[1]
}

/** Package name only (for "does the bundle contain package X" questions). */
export const packageName = (input: string): string => {
  const name = inputName(input)
  return name.startsWith('@centagate-kit/') ? name.split('/').slice(0, 2).join('/') : name
}

const isFingerprintInput = (input: string) => packageName(input) === '@fingerprintjs/fingerprintjs'
const isQrInput = (input: string) => packageName(input) === 'qrcode.react'
const isLocaleInput = (input: string) =>
  /@centagate-kit\/react\/dist\/messages\/(?:texts\/)?(?:en|ms|id|zh-CN)\.js$/.test(input)

const stdinName = (entry: KitEntry) => `bench-entry-${entry.id}.ts`

/**
 * Bundles one entry (in memory) as an app in `installDir` would, and sorts its output chunks into
 * initial / lazy groups.
 */
export async function measureEntry(entry: KitEntry, installDir: string): Promise<BundleResult> {
  const outdir = path.join(installDir, 'bench-dist', entry.id)
  const result = await esbuild.build({
    stdin: {
      contents: entry.code,
      // In the app folder: `@centagate-kit/react` resolves from its node_modules, as installed.
      resolveDir: installDir,
      sourcefile: stdinName(entry),
      loader: 'ts',
    },
    absWorkingDir: installDir,
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
    external: externalPackages,
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir,
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const outputs = result.metafile.outputs
  const files = new Map(
    result.outputFiles.map((file) => [path.relative(installDir, file.path), file]),
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
  const entrySource = stdinName(entry)
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
  const qr = new Set<string>()
  const locales: Set<string>[] = []
  const otherLazy = new Set<string>()
  for (const start of lazyStarts) {
    if (initial.has(start)) continue
    const group = staticClosure(start, initial)
    const inputs = groupInputs(group)
    const target = outputs[start]?.entryPoint ?? ''
    if (inputs.some(isFingerprintInput) || isFingerprintInput(target))
      group.forEach((name) => fingerprint.add(name))
    else if (inputs.some(isQrInput) || isQrInput(target)) group.forEach((name) => qr.add(name))
    else if (isLocaleInput(target) && inputs.every(isLocaleInput)) locales.push(group)
    else group.forEach((name) => otherLazy.add(name))
  }
  // A chunk in both the fingerprint and another group is counted with the fingerprint only.
  for (const name of fingerprint) otherLazy.delete(name)
  for (const name of qr) otherLazy.delete(name)

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
    qr: sizeOf(qr),
    locales: localeSizes,
    otherLazy: otherSize,
    costGzipBytes: initialSize.gzipBytes + otherSize.gzipBytes + (largestLocale?.gzipBytes ?? 0),
    costMinBytes: initialSize.minBytes + otherSize.minBytes + (largestLocale?.minBytes ?? 0),
    inputs,
    fingerprintInInitial: groupInputs(initial).some(isFingerprintInput),
    qrInInitial: groupInputs(initial).some(isQrInput),
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

/** The kit stylesheet as an app imports it, bundled (its @imports inlined) and minified. */
export async function measureCss(installDir: string): Promise<CssResult> {
  const result = await esbuild.build({
    stdin: {
      contents: "@import '@centagate-kit/react/styles.css';",
      resolveDir: installDir,
      sourcefile: 'bench-styles.css',
      loader: 'css',
    },
    absWorkingDir: installDir,
    bundle: true,
    minify: true,
    outdir: path.join(installDir, 'bench-dist/css'),
    write: false,
    logLevel: 'silent',
  })
  const css = result.outputFiles.find((output) => output.path.endsWith('.css'))
  if (!css) throw new Error('esbuild produced no CSS')
  return {
    file: '@centagate-kit/react/styles.css',
    minBytes: css.contents.length,
    gzipBytes: gzip(css.contents),
  }
}
