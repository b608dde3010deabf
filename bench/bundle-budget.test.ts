/**
 * Size budgets of @centagate-kit/react (issue 8), enforced in `pnpm test`: minified + gzip -9,
 * react, react-dom and @tanstack/react-query external (see bench/bundle/measure-bundles.ts for the
 * exact build). An entry is skipped only while its source file does not exist yet; every budget
 * that can be measured is checked.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  type BundleResult,
  cssBudgetKb,
  deviceSignalsEntry,
  entryExists,
  fingerprintBudgetKb,
  inputName,
  kb,
  kitEntries,
  measureCss,
  measureEntry,
  repoRoot,
  sourceFileOf,
} from './bundle/measure-bundles'

const entry = (id: string) => {
  const found = kitEntries.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`unknown entry ${id}`)
  return found
}
const missingReason = (subpath: string) =>
  `${path.relative(repoRoot, sourceFileOf(subpath))} does not exist yet`

const cache = new Map<string, Promise<BundleResult>>()
const measured = (id: string) => {
  let result = cache.get(id)
  if (!result) {
    result = measureEntry(id === deviceSignalsEntry.id ? deviceSignalsEntry : entry(id))
    cache.set(id, result)
  }
  return result
}

/** Readable failure: what the chunk holds. */
const describeResult = (result: BundleResult) =>
  `${result.entry.id}: cost ${kb(result.costGzipBytes).toFixed(2)} KB gzip (initial ${kb(
    result.initial.gzipBytes,
  ).toFixed(2)} KB); largest initial inputs (min bytes): ${result.topInitialInputs
    .map(({ name, bytes }) => `${name} ${bytes}`)
    .join(', ')}`

describe('bundle budgets (gzip, React and react-query external)', () => {
  it(`OtpField alone <= ${entry('OtpField').budgetKb} KB`, async ({ skip }) => {
    skip(!entryExists('./otp-field'), missingReason('./otp-field'))
    const result = await measured('OtpField')
    expect(kb(result.costGzipBytes), describeResult(result)).toBeLessThanOrEqual(
      entry('OtpField').budgetKb!,
    )
  })

  it('importing OtpField pulls in neither the QR encoder (lean-qr) nor @fingerprintjs', async ({
    skip,
  }) => {
    skip(!entryExists('./otp-field'), missingReason('./otp-field'))
    const result = await measured('OtpField')
    const packages = new Set(result.inputs.map(inputName))
    expect(packages.has('input-otp'), 'sanity: the OtpField build contains input-otp').toBe(true)
    expect(packages.has('lean-qr')).toBe(false)
    expect(packages.has('@fingerprintjs/fingerprintjs')).toBe(false)
  })

  it(`whole kit without the lazy fingerprint chunk <= ${entry('WholeKit').budgetKb} KB`, async ({
    skip,
  }) => {
    skip(!entryExists('.'), missingReason('.'))
    const result = await measured('WholeKit')
    expect(result.initial.minBytes, 'sanity: the whole kit bundles something').toBeGreaterThan(0)
    expect(kb(result.costGzipBytes), describeResult(result)).toBeLessThanOrEqual(
      entry('WholeKit').budgetKb!,
    )
  })

  it('FingerprintJS is never loaded with the first chunk (lazy import only)', async ({ skip }) => {
    skip(!entryExists('.'), missingReason('.'))
    for (const id of ['WholeKit', deviceSignalsEntry.id]) {
      const result = await measured(id)
      expect(result.fingerprintInInitial, `${id}: @fingerprintjs in the initial JS`).toBe(false)
    }
  })

  it(`fingerprint chunk on its own <= ${fingerprintBudgetKb} KB`, async () => {
    // From the whole kit when it reaches FingerprintJS, else from the client's device signals.
    let result = await measured('WholeKit')
    if (result.fingerprint.files.length === 0) result = await measured(deviceSignalsEntry.id)
    expect(result.fingerprint.files.length, 'a lazy chunk holding @fingerprintjs').toBeGreaterThan(
      0,
    )
    expect(kb(result.fingerprint.gzipBytes)).toBeLessThanOrEqual(fingerprintBudgetKb)
    // Sanity: FingerprintJS itself is ~15 KB gzip, so a tiny figure means we measured nothing.
    expect(kb(result.fingerprint.gzipBytes)).toBeGreaterThan(10)
  })

  it(`kit CSS <= ${cssBudgetKb} KB`, async ({ skip }) => {
    skip(!entryExists('./styles.css'), missingReason('./styles.css'))
    const css = await measureCss()
    expect(css.minBytes, 'sanity: the stylesheet is not empty').toBeGreaterThan(0)
    expect(kb(css.gzipBytes)).toBeLessThanOrEqual(cssBudgetKb)
  })
})
