/**
 * The `centagate-kit` CLI (bin/centagate-kit.mjs). One command today:
 *
 *   centagate-kit doctor [--json] --username <user> --password <password>
 *
 * with CENTAGATE_BASE_URL, CENTAGATE_INTEGRATION_KEY and CENTAGATE_SECRET_KEY in the environment
 * (and the password in CENTAGATE_DOCTOR_PASSWORD instead of the flag, to keep it out of `ps`).
 * Exit codes: 0 done, 1 CENTAGATE unreachable or refusing the app, 2 bad flags or environment.
 * Never prints a secret, a password or an authToken.
 */
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { formatFinding, formatJson, formatSummary } from '../doctor/doctor-report'
import { DoctorAbort, runDoctor } from '../doctor/run-doctor'

export const usage = `Usage: centagate-kit doctor [--json] --username <user> --password <password>

Finds the order in which your CENTAGATE tenant wants each request's HMAC fields signed, by trying
every documented order on harmless calls with a test user (one successful login; wrong codes and a
never-issued authToken otherwise; never more than one SMS), and prints it per endpoint.

  --username <user>     a test user of the tenant
  --password <pw>       its password              (or env CENTAGATE_DOCTOR_PASSWORD)
  --json                print {"signedOrder": {...}} for the handler's centagate.signedOrder
                        (or CENTAGATE_SIGNED_ORDER); the report goes to stderr
  --timeout-ms <n>      per request, default 10000

Environment: CENTAGATE_BASE_URL, CENTAGATE_INTEGRATION_KEY, CENTAGATE_SECRET_KEY.
Exit codes: 0 done, 1 CENTAGATE unreachable or refusing the app, 2 bad flags or environment.
`

export interface CliOutput {
  write(text: string): void
}

const envSchema = z.object({
  CENTAGATE_BASE_URL: z
    .string({ error: 'is missing' })
    .trim()
    .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  CENTAGATE_INTEGRATION_KEY: z.string({ error: 'is missing' }).trim().min(1, 'is missing'),
  CENTAGATE_SECRET_KEY: z.string({ error: 'is missing' }).min(1, 'is missing'),
})

/** Runs the CLI; resolves to the exit code. */
export async function main(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
  io: { out: CliOutput; err: CliOutput } = { out: process.stdout, err: process.stderr },
  fetch?: (input: string, init: RequestInit) => Promise<Response>,
): Promise<number> {
  const fail = (message: string) => {
    io.err.write(`centagate-kit: ${message}\n\n${usage}`)
    return 2
  }
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        json: { type: 'boolean' },
        username: { type: 'string' },
        password: { type: 'string' },
        'timeout-ms': { type: 'string' },
        help: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    return fail(error instanceof Error ? error.message : 'invalid arguments')
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.out.write(usage)
    return 0
  }
  if (positionals.length !== 1 || positionals[0] !== 'doctor') {
    return fail(
      positionals.length === 0 ? 'no command given' : `unknown command: ${positionals.join(' ')}`,
    )
  }
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([name, value]) => name.startsWith('CENTAGATE_') && value !== ''),
  )
  const checked = envSchema.safeParse(cleaned)
  const problems = checked.success
    ? []
    : checked.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`)
  const password = values.password ?? cleaned.CENTAGATE_DOCTOR_PASSWORD
  if (values.username === undefined || values.username.trim() === '') {
    problems.push('--username is missing')
  }
  if (password === undefined || password === '') {
    problems.push('--password is missing (or set CENTAGATE_DOCTOR_PASSWORD)')
  }
  const timeoutText = values['timeout-ms'] ?? '10000'
  const timeoutMs = Number(timeoutText)
  if (!/^\d{1,6}$/.test(timeoutText) || timeoutMs < 100) {
    problems.push('--timeout-ms must be a whole number of milliseconds, at least 100')
  }
  if (!checked.success || problems.length > 0) return fail(problems.join('\n'))

  const report = values.json ? io.err : io.out
  const target = new URL(checked.data.CENTAGATE_BASE_URL)
  report.write(
    `centagate-kit doctor: ${target.origin}${target.pathname === '/' ? '' : target.pathname}, ` +
      `user ${values.username}\n`,
  )
  try {
    const result = await runDoctor({
      baseUrl: checked.data.CENTAGATE_BASE_URL,
      integrationKey: checked.data.CENTAGATE_INTEGRATION_KEY,
      secretKey: checked.data.CENTAGATE_SECRET_KEY,
      username: values.username!,
      password: password!,
      timeoutMs,
      ...(fetch === undefined ? {} : { fetch }),
      onFinding: (finding) => report.write(`${formatFinding(finding)}\n`),
    })
    report.write(`${formatSummary(result)}\n`)
    if (values.json) io.out.write(`${formatJson(result)}\n`)
    return 0
  } catch (error) {
    if (error instanceof DoctorAbort) {
      io.err.write(`centagate-kit doctor: ${error.message}\n`)
      return 1
    }
    throw error
  }
}
