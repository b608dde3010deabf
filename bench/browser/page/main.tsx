/**
 * The measured page: what an app's OTP step loads. It renders the kit's OtpField (styled with the
 * kit's CSS) and, on mount, starts the kit's device signals exactly as the kit client does
 * (`createDeviceSignals().start()`, FingerprintJS as a lazy chunk). It publishes
 * `window.__bench.fingerprintReadyMs`: mount -> visitor id available through `signals.get()`.
 */
import { createDeviceSignals } from '@centagate-kit/client'
import { OtpField } from '@centagate-kit/react/otp-field'
import '@centagate-kit/react/styles.css'
import { StrictMode, useEffect } from 'react'
import { createRoot } from 'react-dom/client'

interface BenchWindow {
  __bench?: Record<string, number | string>
}

function OtpStep() {
  useEffect(() => {
    const bench = ((window as BenchWindow).__bench ??= {})
    if (bench.mountedAt !== undefined) return // StrictMode runs effects twice in dev only
    const mountedAt = performance.now()
    bench.mountedAt = mountedAt
    const signals = createDeviceSignals()
    signals.start()
    void (async () => {
      // get() waits for the loading fingerprint (300 ms deadline per call): ask until it is there.
      while (performance.now() - mountedAt < 15_000) {
        const { browserFp } = await signals.get()
        if (browserFp !== '') {
          bench.fingerprintReadyMs = performance.now() - mountedAt
          return
        }
      }
      bench.fingerprintError = 'no visitor id within 15 s'
    })()
  }, [])
  return (
    <main>
      <h1>Enter your code</h1>
      <OtpField />
    </main>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OtpStep />
  </StrictMode>,
)
