/**
 * `@centagate-kit/server/doctor`: what `centagate-kit doctor` runs, for programs and CI that want
 * the findings as data: `runDoctor(options)` finds the signed-field order a CENTAGATE tenant
 * accepts per endpoint; `formatJson(report)` is the `{"signedOrder": …}` the CLI prints.
 */
export {
  type DoctorOptions,
  type DoctorReport,
  type EndpointFinding,
  type FindingOutcome,
  DoctorAbort,
  runDoctor,
} from './run-doctor'
export { formatFinding, formatJson, formatSummary } from './doctor-report'
