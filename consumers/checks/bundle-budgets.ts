// The size budgets, measured on the installed packages (bench/bundle/measure-bundles.ts, the same
// code `pnpm bench` reports with): whole kit <= 25 KB gzip initial (lazy chunks apart: the
// qrcode.react chunk, the fingerprint chunk, the locale chunks, each reported), OtpField <= 6 KB
// initial without the QR encoder or FingerprintJS, FingerprintJS only ever lazy (<= 17 KB),
// qrcode.react only ever lazy, CSS <= 5 KB.
import {
  cssBudgetKb,
  describeLazyChunks,
  deviceSignalsEntry,
  fingerprintBudgetKb,
  kb,
  kitEntries,
  measureCss,
  measureEntry,
  packageName,
} from '../../bench/bundle/measure-bundles'

export interface BudgetCheck {
  name: string
  ok: boolean
  detail: string
}

const fmt = (bytes: number) => `${kb(bytes).toFixed(2)} KB`

export async function bundleBudgets(installDir: string): Promise<BudgetCheck[]> {
  const checks: BudgetCheck[] = []
  for (const entry of kitEntries) {
    const result = await measureEntry(entry, installDir)
    const initial = kb(result.initial.gzipBytes)
    const { qrInInitial } = result
    const detail =
      `initial ${fmt(result.initial.gzipBytes)} gzip (${fmt(result.initial.minBytes)} min); ${describeLazyChunks(result)}; ` +
      `largest: ${result.topInitialInputs
        .slice(0, 4)
        .map((input) => `${input.name} ${input.bytes}`)
        .join(', ')}`
    checks.push({
      name: `bundle ${entry.id}${entry.budgetKb === undefined ? '' : ` <= ${entry.budgetKb} KB`}`,
      ok:
        (entry.budgetKb === undefined || initial <= entry.budgetKb) &&
        !result.fingerprintInInitial &&
        !qrInInitial,
      detail: result.fingerprintInInitial
        ? `@fingerprintjs in the initial chunk; ${detail}`
        : qrInInitial
          ? `qrcode.react in the initial chunk; ${detail}`
          : detail,
    })
    if (entry.id === 'OtpField') {
      const packages = new Set(result.inputs.map(packageName))
      checks.push({
        name: 'bundle OtpField pulls neither qrcode.react nor @fingerprintjs',
        ok:
          packages.has('input-otp') &&
          !packages.has('qrcode.react') &&
          !packages.has('@fingerprintjs/fingerprintjs'),
        detail: [...packages].join(', '),
      })
    }
  }
  const signals = await measureEntry(deviceSignalsEntry, installDir)
  checks.push({
    name: `bundle fingerprint chunk lazy, <= ${fingerprintBudgetKb} KB`,
    ok:
      !signals.fingerprintInInitial &&
      signals.fingerprint.files.length > 0 &&
      kb(signals.fingerprint.gzipBytes) <= fingerprintBudgetKb &&
      kb(signals.fingerprint.gzipBytes) > 10, // FingerprintJS itself is ~15 KB: less measured nothing
    detail: `${fmt(signals.fingerprint.gzipBytes)} gzip in ${signals.fingerprint.files.length} lazy file(s)`,
  })
  const css = await measureCss(installDir)
  checks.push({
    name: `bundle styles.css <= ${cssBudgetKb} KB`,
    ok: css.minBytes > 0 && kb(css.gzipBytes) <= cssBudgetKb,
    detail: `${fmt(css.gzipBytes)} gzip (${fmt(css.minBytes)} min)`,
  })
  return checks
}
