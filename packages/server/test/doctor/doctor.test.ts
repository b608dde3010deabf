// The doctor's probing against an in-process emulator (no sockets): it finds every signed
// endpoint's order for each kind of tenant, says "cannot tell" or "none" when a tenant answers
// otherwise, keeps to one SMS, and stops with a clear reason when CENTAGATE is unreachable or
// refuses the app. The CLI's flags, environment checks and exit codes run through main().
import { endpointList, endpoints } from '@centagate-kit/protocol'
import { main } from '../../src/cli/cli'
import { type DoctorOptions, DoctorAbort, runDoctor } from '@centagate-kit/server/doctor'
import { createTestApp, testSecrets } from '@centagate-kit/testkit/test-app'
import { describe, expect, it } from 'vitest'

type Fetch = NonNullable<DoctorOptions['fetch']>

function tenant(tenantOrders: 'catalogue' | 'vendor-samples', lenient = false) {
  const app = createTestApp({}, undefined, { tenantOrders, lenient })
  const fetch: Fetch = (input, init) => app.emulator.fetch(new Request(input, init))
  return { ...app, fetch }
}

const doctorOptions = (fetch: Fetch): DoctorOptions => ({
  baseUrl: 'https://centagate.test',
  integrationKey: testSecrets.integrationKey,
  secretKey: testSecrets.secretKey,
  username: 'alice',
  password: 'alice-password',
  fetch,
  now: Date.now,
})

/** A fetch that answers `code` for one endpoint's path, whatever was sent. */
function answering(fetch: Fetch, path: string, code: string): Fetch {
  return async (input, init) =>
    input.endsWith(path)
      ? new Response(JSON.stringify({ code, message: '', object: '' }), {
          headers: { 'content-type': 'application/json' },
        })
      : fetch(input, init)
}

const signed = endpointList.filter((endpoint) => endpoint.auth === 'hmac')

describe('runDoctor', () => {
  it('finds the vendor Node sample order of every endpoint on a vendor-samples tenant, harmlessly', async () => {
    const { fetch, emulator, device } = tenant('vendor-samples')
    const report = await runDoctor(doctorOptions(fetch))
    expect(report.findings.map((finding) => finding.outcome)).toEqual(signed.map(() => 'found'))
    for (const endpoint of signed) {
      expect(report.signedOrder[endpoint.name], endpoint.name).toEqual(
        endpoint.vendorSample?.order ?? endpoint.signedOrder,
      )
    }
    expect(report.differing).toContain('requestOtpChallenge')
    expect(report.differing).not.toContain('authBasic')
    // Harmless: no SMS, no push, no challenge or QR issued, no failure counted.
    expect(report.smsSent).toBe(0)
    expect(await device.outbox('alice')).toEqual([])
    expect(await device.pushes('alice')).toEqual([])
    expect(Object.keys(emulator.state.challenges)).toEqual([])
    expect(Object.keys(emulator.state.qrRequests)).toEqual([])
    expect(emulator.state.failures.alice).toBeUndefined()
    console.info(
      `doctor, vendor-samples tenant: ${report.requests} requests, ${report.differing.length} of ${signed.length} endpoints differ from the kit's default`,
    )
  })

  it('finds the catalogue order everywhere on a default tenant, and on a lenient one', async () => {
    for (const { fetch } of [tenant('catalogue'), tenant('catalogue', true)]) {
      const report = await runDoctor(doctorOptions(fetch))
      expect(report.differing).toEqual([])
      expect(report.signedOrder.requestOtpChallenge).toEqual(
        endpoints.requestOtpChallenge.signedOrder,
      )
      expect(Object.keys(report.signedOrder)).toHaveLength(signed.length)
    }
  })

  it('inconclusive when a wrong hmac is not refused with 23022; unresolved when every order is', async () => {
    const { fetch } = tenant('catalogue')
    const tricky = answering(
      answering(fetch, '/req/requestQrCode', '23016'),
      '/auth/authCrOtp',
      '23022',
    )
    const report = await runDoctor(doctorOptions(tricky))
    const find = (name: string) => report.findings.find((finding) => finding.endpoint === name)!
    expect(find('requestQrCode')).toMatchObject({ outcome: 'inconclusive', answer: '23016' })
    expect(find('authCrOtp')).toMatchObject({ outcome: 'unresolved' })
    expect(report.signedOrder).not.toHaveProperty('requestQrCode')
    expect(report.signedOrder).not.toHaveProperty('authCrOtp')
    expect(find('authCrOtp').requests).toBeGreaterThan(3)
  })

  it('never sends a second SMS: after a request SMS call succeeded, the other is skipped', async () => {
    const { fetch } = tenant('catalogue')
    // A tenant that ignores the never-issued authToken and sends the SMS anyway.
    let smsCalls = 0
    const careless: Fetch = async (input, init) => {
      if (input.endsWith('/req/requestSmsOtp') || input.endsWith('/req/requestSmsTransOtp')) {
        smsCalls += 1
        const body = JSON.parse(String(init.body)) as { hmac: string }
        const answer = /^0+$/.test(body.hmac) ? '23022' : '0'
        return new Response(JSON.stringify({ code: answer, message: '', object: '' }))
      }
      return fetch(input, init)
    }
    const report = await runDoctor(doctorOptions(careless))
    expect(report.smsSent).toBe(1)
    expect(report.findings.find((f) => f.endpoint === 'requestSmsTransOtp')).toMatchObject({
      outcome: 'skipped',
      requests: 0,
    })
    // requestSmsOtp: the control and the first (accepted) order only.
    expect(smsCalls).toBe(2)
  })

  it('stops with a reason: wrong secret, unknown key, unreachable, not CENTAGATE', async () => {
    const { fetch } = tenant('catalogue')
    const cases: [Partial<DoctorOptions>, RegExp][] = [
      [{ secretKey: 'not-the-secret' }, /CENTAGATE_SECRET_KEY/],
      [{ integrationKey: 'f'.repeat(64) }, /integration key \(23024\)/],
      [{ fetch: () => Promise.reject(new TypeError('fetch failed')) }, /cannot reach CENTAGATE/],
      [
        { fetch: () => Promise.resolve(new Response('<html>down</html>', { status: 503 })) },
        /did not answer auth\/authBasic like CENTAGATE \(HTTP 503\)/,
      ],
    ]
    for (const [override, message] of cases) {
      const error = await runDoctor({ ...doctorOptions(fetch), ...override }).catch(
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(DoctorAbort)
      expect((error as Error).message).toMatch(message)
    }
  })
})

describe('centagate-kit CLI (main)', () => {
  const env = {
    CENTAGATE_BASE_URL: 'https://centagate.test',
    CENTAGATE_INTEGRATION_KEY: testSecrets.integrationKey,
    CENTAGATE_SECRET_KEY: testSecrets.secretKey,
  }
  async function cli(argv: string[], environment: Record<string, string>, fetch?: Fetch) {
    let out = ''
    let err = ''
    const code = await main(
      argv,
      environment,
      {
        out: { write: (text) => void (out += text) },
        err: { write: (text) => void (err += text) },
      },
      fetch,
    )
    return { code, out, err }
  }

  it('--json prints only {"signedOrder"} on stdout, the report on stderr; exit 0', async () => {
    const { fetch } = tenant('vendor-samples')
    const result = await cli(
      ['doctor', '--json', '--username', 'alice', '--password', 'alice-password'],
      env,
      fetch,
    )
    expect(result.code).toBe(0)
    const printed = JSON.parse(result.out) as { signedOrder: Record<string, string[]> }
    expect(Object.keys(printed)).toEqual(['signedOrder'])
    expect(printed.signedOrder.requestOtpChallenge).toEqual(
      endpoints.requestOtpChallenge.vendorSample.order,
    )
    expect(result.err).toContain('17 signed endpoints')
    expect(result.out + result.err).not.toContain(testSecrets.secretKey)
    expect(result.out + result.err).not.toContain('alice-password')
  })

  it('without --json the report goes to stdout; the password may come from CENTAGATE_DOCTOR_PASSWORD', async () => {
    const { fetch } = tenant('catalogue')
    const result = await cli(
      ['doctor', '--username', 'alice'],
      { ...env, CENTAGATE_DOCTOR_PASSWORD: 'alice-password' },
      fetch,
    )
    expect(result.code).toBe(0)
    expect(result.out).toContain('requestOtpChallenge: username + devAccId + otpType')
    expect(result.out).toContain("the kit's default order")
  })

  it('bad flags or environment: exit 2 naming every problem, never a value', async () => {
    const result = await cli(['doctor', '--json'], {
      CENTAGATE_BASE_URL: 'not a url',
      CENTAGATE_SECRET_KEY: 'TopSecretValue',
    })
    expect(result.code).toBe(2)
    expect(result.err).toContain('CENTAGATE_BASE_URL must be an http(s) URL')
    expect(result.err).toContain('CENTAGATE_INTEGRATION_KEY is missing')
    expect(result.err).toContain('--username is missing')
    expect(result.err).toContain('--password is missing')
    expect(result.err).not.toContain('TopSecretValue')
    expect(result.err).not.toContain('not a url')
    expect((await cli(['doctor', '--nope'], env)).code).toBe(2)
    expect((await cli(['cure', '--username', 'a', '--password', 'b'], env)).err).toContain(
      'unknown command: cure',
    )
    expect(
      (await cli(['doctor', '--username', 'a', '--password', 'b', '--timeout-ms', 'x'], env)).code,
    ).toBe(2)
  })

  it('upstream down: exit 1 with a clear message', async () => {
    const result = await cli(
      ['doctor', '--username', 'alice', '--password', 'alice-password'],
      env,
      () => Promise.reject(new TypeError('fetch failed')),
    )
    expect(result.code).toBe(1)
    expect(result.err).toContain(
      'cannot reach CENTAGATE at https://centagate.test (connection failed)',
    )
  })
})
