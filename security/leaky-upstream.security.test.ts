// Threat: the kit forwarding what CENTAGATE (or a compromised/misconfigured upstream) puts in its
// answers (T-E4): an OTP echoed back as older v1 servers did, a secretCode, the full phone number,
// unknown members. Every success envelope from the emulator is enriched with such members before
// the kit reads it; the browser-visible answers must carry none of them and mask the phone.
import { describe, expect, it } from 'vitest'
import { createEmulator } from '@centagate-kit/emulator'
import { createCanaries } from './support/canaries'
import { TrafficRecorder, createCapturingLogger } from './support/capture'
import { suiteFixtures } from './support/fixtures'
import { device } from './support/kit-requests'
import { Journey, smsLoginUntilCode } from './support/journeys'
import { createCentagateHandler } from '@centagate-kit/server'
import { countingFetch, kitConfig, upstreamBaseUrl } from './support/stack'

const marker = 'LEAKMARKER'
const fullPhone = '+60123456789'

describe('leaky upstream', () => {
  it('extra members in CENTAGATE answers never reach the browser; the phone stays masked', async () => {
    const canaries = createCanaries()
    const emulator = createEmulator({ fixtures: suiteFixtures(canaries) })
    let enriched = 0
    const upstream = countingFetch(async (input, init) => {
      const response = await emulator.fetch(new Request(input, init))
      const text = await response.text()
      let envelope: { code?: unknown; object?: unknown }
      try {
        envelope = JSON.parse(text) as typeof envelope
      } catch {
        return new Response(text, response)
      }
      if (
        String(envelope.code) === '0' &&
        typeof envelope.object === 'string' &&
        envelope.object.startsWith('{')
      ) {
        const object = JSON.parse(envelope.object) as Record<string, unknown>
        Object.assign(object, {
          smsOtp: `${marker}-otp`,
          otp: `${marker}-otp2`,
          secretCode: object.secretCode ?? `${marker}-secret`,
          phone: fullPhone,
          mobileNo: fullPhone,
          integrationKey: `${marker}-ik`,
          debug: { stack: `${marker} at Foo.bar (/srv/app.js:1:1)` },
          [`${marker}Field`]: marker,
        })
        envelope.object = JSON.stringify(object)
        enriched += 1
      }
      return new Response(JSON.stringify(envelope), {
        status: response.status,
        headers: response.headers,
      })
    })
    const traffic = new TrafficRecorder()
    const handle = traffic.wrap(
      createCentagateHandler(
        kitConfig(
          canaries,
          {
            baseUrl: upstreamBaseUrl,
            integrationKey: canaries.integrationKey,
            secretKey: canaries.secretKey,
            fetch: upstream,
          },
          createCapturingLogger('server'),
        ),
      ),
    )
    const control = async (path: string) =>
      (await (
        await emulator.fetch(new Request(`${upstreamBaseUrl}/__emulator/${path}`))
      ).json()) as unknown

    // SMS login (alice has SMS, CR and QR), a QR send, and an SMS step-up for a transaction.
    const sms = await smsLoginUntilCode(handle, control, 'alice', 'alice-password')
    await sms.journey.expectOk('sms/verify', { code: sms.code, device })
    const qr = new Journey(handle)
    await qr.expectOk('login/start', { username: 'alice', password: 'alice-password', device })
    await qr.expectOk('qr/send', { device })
    await qr.expectOk('challenge/send', { device })

    const text = traffic.text()
    const phoneDigits = traffic.exchanges
      .map((exchange) => /"maskedPhone":"([^"]*)"/.exec(exchange.body)?.[1])
      .filter((value): value is string => value !== undefined)
    console.log(
      `\nleaky upstream: ${enriched} enriched CENTAGATE answers, ${traffic.exchanges.length} kit answers, ` +
        `marker hits ${text.split(marker).length - 1}, full phone hits ${text.split(fullPhone).length - 1}, masked phones ${JSON.stringify(phoneDigits)}`,
    )
    expect(enriched).toBeGreaterThan(3)
    expect(text).not.toContain(marker)
    expect(text).not.toContain(fullPhone)
    expect(text).not.toContain('123456789')
    for (const masked of phoneDigits)
      expect((masked.match(/[0-9]/g) ?? []).length).toBeLessThanOrEqual(4)
  })
})
