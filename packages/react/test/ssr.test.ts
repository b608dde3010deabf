// SSR safety: the package imports and renders on a server (Node, no DOM globals) without touching
// browser globals at import time; countdowns render nothing until hydrated.
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, test } from 'vitest'

describe('server rendering', () => {
  test('there is no DOM here (the test means something)', () => {
    expect(typeof document).toBe('undefined')
    expect(typeof window).toBe('undefined')
  })

  test('every entry imports without a browser global and renders to a string', async () => {
    const kit = await import('../src/index')
    const { createKitClient } = await import('@centagate-kit/client')
    const client = createKitClient({
      fetch: () => Promise.reject(new Error('no network during SSR')),
    })
    const html = renderToString(
      createElement(
        kit.CentagateProvider,
        { client },
        createElement(kit.OtpField, { defaultValue: '12' }),
        createElement(kit.StepUp, { transactionId: 'tx-1' }),
        createElement(kit.QrSigning, {}),
        createElement(kit.SmsOtp, {}),
        createElement(kit.ChallengeResponse, {}),
        createElement(kit.TokenEnrollment, {}),
      ),
    )
    expect(html).toMatch(/autoComplete="one-time-code"|autocomplete="one-time-code"/i)
    expect(html).toContain('data-scope="step-up"')
    expect(html).toContain('data-scope="qr-signing"')
    for (const entry of [
      'otp-field',
      'sms-otp',
      'challenge-response',
      'qr-signing',
      'token-enrollment',
      'step-up',
    ]) {
      await expect(import(`../src/${entry}/index.ts`)).resolves.toBeTruthy()
    }
  })
})
