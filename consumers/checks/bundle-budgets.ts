// The size budgets, measured on the installed packages (bench/bundle/measure-bundles.ts, the same
// code `pnpm bench` reports with): whole kit <= 25 KB gzip initial (lazy chunks apart: the
// fingerprint chunk, and one of the locale chunks counted), OtpField <= 6 KB without the QR
// encoder or FingerprintJS, FingerprintJS only ever lazy (<= 17 KB), CSS <= 5 KB.
import {
  cssBudgetKb,
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
    const cost = kb(result.costGzipBytes)
    const detail =
      `${fmt(result.costGzipBytes)} gzip (initial ${fmt(result.initial.gzipBytes)}, ${fmt(result.costMinBytes)} min); ` +
      `largest: ${result.topInitialInputs
        .slice(0, 4)
        .map((input) => `${input.name} ${input.bytes}`)
        .join(', ')}`
    checks.push({
      name: `bundle ${entry.id}${entry.budgetKb === undefined ? '' : ` <= ${entry.budgetKb} KB`}`,
      ok: (entry.budgetKb === undefined || cost <= entry.budgetKb) && !result.fingerprintInInitial,
      detail: result.fingerprintInInitial
        ? `@fingerprintjs in the initial chunk; ${detail}`
        : detail,
    })
    if (entry.id === 'OtpField') {
      const packages = new Set(result.inputs.map(packageName))
      checks.push({
        name: 'bundle OtpField pulls neither lean-qr nor @fingerprintjs',
        ok:
          packages.has('input-otp') &&
          !packages.has('lean-qr') &&
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
