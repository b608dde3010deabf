/** The doctor's findings as text for people, and as the handler's `centagate.signedOrder` JSON. */
import type { DoctorReport, EndpointFinding } from './run-doctor'

/** One finding, for the progress lines and the report. */
export function formatFinding(finding: EndpointFinding): string {
  const head = `${finding.endpoint}: `
  switch (finding.outcome) {
    case 'found': {
      const order = (finding.order ?? []).join(' + ')
      const origin =
        finding.source === 'canonical'
          ? "the kit's default order"
          : `${finding.source ?? 'documented'} (differs from the kit's default)`
      return `${head}${order}\n    ${origin}; answered ${finding.answer ?? '?'} after ${finding.requests} requests`
    }
    case 'unresolved':
      return `${head}NO documented order accepted (${finding.note ?? ''})`
    case 'inconclusive':
      return `${head}cannot tell: ${finding.note ?? ''} (answered ${finding.answer ?? '?'})`
    case 'skipped':
      return `${head}skipped: ${finding.note ?? ''}`
  }
}

/** The summary after the per-endpoint lines. */
export function formatSummary(report: DoctorReport): string {
  const count = (outcome: EndpointFinding['outcome']) =>
    report.findings.filter((finding) => finding.outcome === outcome).length
  const lines = [
    `${report.findings.length} signed endpoints, ${report.requests} requests: ${count('found')} found ` +
      `(${report.differing.length} differ from the kit's default), ${count('unresolved')} unresolved, ` +
      `${count('inconclusive')} inconclusive, ${count('skipped')} skipped; SMS sent: ${report.smsSent}.`,
  ]
  if (report.differing.length > 0) {
    lines.push(
      `This tenant signs ${report.differing.join(', ')} differently: run with --json and give the ` +
        'result to the handler (centagate.signedOrder, or CENTAGATE_SIGNED_ORDER).',
    )
  }
  return lines.join('\n')
}

/** `{"signedOrder": {...}}`, ready for the handler's `centagate.signedOrder`. */
export function formatJson(report: DoctorReport): string {
  return JSON.stringify({ signedOrder: report.signedOrder }, null, 2)
}
